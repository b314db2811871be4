package io.healthstats.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The indicator-service's read API as the export-service uses it — catalogue, regions, and
 * {@code GET /api/v1/observations} as one streamed CSV ({@code Accept: text/csv}) — answering from the
 * CSV rendered in memory before the measurement, in the format the real service writes. It takes the
 * store and the indicator-service out of the measurement, so what is left is the export-service itself:
 * reading the stream over HTTP, writing the format, storing the file.
 */
final class SyntheticIndicatorService implements AutoCloseable {

	/** The catalogue of indicator-service (code, 中文名, unit, kind), in its order. */
	static final List<List<String>> CATALOGUE = List.of(List.of("OUTPATIENT_VISITS", "门诊诊疗人次", "人次", "COUNT"),
			List.of("BIRTHS", "出生人数", "人", "COUNT"), List.of("SECOND_CHILD_BIRTHS", "二孩出生人数", "人", "COUNT"),
			List.of("HEALTH_CHECK_APPOINTMENTS", "体检预约人数", "人", "COUNT"), List.of("HEALTH_CHECK_COMPLETED", "完成体检人数", "人", "COUNT"),
			List.of("VACCINE_DOSES", "疫苗接种剂次", "剂次", "COUNT"), List.of("PUBLIC_HEALTH_EMERGENCIES", "突发公共卫生事件数", "起", "COUNT"),
			List.of("MEDICAL_INSTITUTIONS", "医疗机构数", "个", "STOCK"), List.of("LICENSED_PHYSICIANS", "执业(助理)医师数", "人", "STOCK"),
			List.of("REGISTERED_NURSES", "注册护士数", "人", "STOCK"), List.of("POPULATION", "常住人口", "人", "STOCK"),
			List.of("CHILDCARE_SLOTS", "托位数", "个", "STOCK"), List.of("HEALTH_CHECK_COMPLETION_RATE", "体检完成率", "%", "RATE"),
			List.of("FULL_VACCINATION_RATE", "全程接种率", "%", "RATE"), List.of("SECOND_CHILD_BIRTH_RATIO", "二孩占比", "%", "RATE"),
			List.of("MATERNAL_SYSTEMATIC_MANAGEMENT_RATE", "孕产妇系统管理率", "%", "RATE"), List.of("PATIENT_SATISFACTION", "患者满意度", "%", "RATE"),
			List.of("INFECTIOUS_DISEASE_REPORT_TIMELINESS", "传染病报告及时率", "%", "RATE"));

	private final HttpServer server;

	/** The whole CSV (header and every row), in pieces of about 64 KiB sent one after the other. */
	private final List<byte[]> csv = new ArrayList<>();

	private final byte[] catalogue;

	SyntheticIndicatorService(ExportBench.Rows rows) {
		StringBuilder json = new StringBuilder("[");
		for (List<String> indicator : CATALOGUE) {
			json.append(json.length() > 1 ? "," : "")
				.append(String.format("{\"code\":\"%s\",\"nameZh\":\"%s\",\"unit\":\"%s\",\"kind\":\"%s\"}", indicator.get(0),
						indicator.get(1), indicator.get(2), indicator.get(3)));
		}
		this.catalogue = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
		StringBuilder piece = new StringBuilder(1 << 17).append("indicator,region,period,value,numerator,denominator\r\n");
		for (long i = 0; i < rows.size(); i++) {
			row(piece, ExportBench.cell(rows.row(i), null), rows.row(i));
			if (piece.length() >= 1 << 16) {
				this.csv.add(piece.toString().getBytes(StandardCharsets.US_ASCII));
				piece.setLength(0);
			}
		}
		this.csv.add(piece.toString().getBytes(StandardCharsets.US_ASCII));
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		// daemon threads: the bench's JVM must end when its main thread does
		this.server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
			Thread thread = new Thread(runnable, "synthetic-indicator-service");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	URI uri() {
		return URI.create("http://localhost:" + this.server.getAddress().getPort());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One row as {@code ObservationCsv} writes it: the key's three fields, then the numbers as stored. */
	private static void row(StringBuilder csv, org.bson.Document cell, ExportBench.Row row) {
		org.bson.Document reported = cell.get("reported", org.bson.Document.class);
		csv.append(row.indicator()).append(',').append(row.region()).append(',').append(row.period()).append(',')
			.append(reported.getString("value")).append(',')
			.append(row.rate() ? reported.getString("numerator") : "").append(',')
			.append(row.rate() ? reported.getString("denominator") : "").append("\r\n");
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/api/v1/indicators")) {
			answer(exchange, 200, this.catalogue);
		}
		else if (path.startsWith("/api/v1/regions/")) {
			String code = path.substring("/api/v1/regions/".length());
			String region = region(code);
			answer(exchange, region == null ? 404 : 200, (region == null ? "{}" : region).getBytes(StandardCharsets.UTF_8));
		}
		else if (path.equals("/api/v1/observations")) {
			Map<String, String> params = new LinkedHashMap<>();
			for (String pair : exchange.getRequestURI().getQuery().split("&")) {
				int eq = pair.indexOf('=');
				params.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
			String accept = exchange.getRequestHeaders().getFirst("Accept");
			if (accept == null || !accept.contains("text/csv") || params.containsKey("after")) {
				// the export-service streams, and a stream from memory never breaks: nothing else is asked
				answer(exchange, 400, "{}".getBytes(StandardCharsets.UTF_8));
			}
			else if (!"340000".equals(params.get("region"))) {
				// the bench's rows all lie under the province; a warm-up export of one county gets none
				stream(exchange, true);
			}
			else {
				stream(exchange, false);
			}
		}
		else {
			answer(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The bench's province, cities and counties, with the names of each one's children. */
	private static String region(String code) {
		List<String> children = new ArrayList<>();
		String name;
		if (code.equals("340000")) {
			name = "安徽省";
			children.addAll(ExportBench.Rows.CITIES);
		}
		else if (ExportBench.Rows.CITIES.contains(code)) {
			name = "基准市" + code.substring(2, 4);
			ExportBench.Rows.COUNTIES.stream().filter(county -> county.startsWith(code.substring(0, 4))).forEach(children::add);
		}
		else if (ExportBench.Rows.COUNTIES.contains(code)) {
			name = "基准县" + code.substring(2);
		}
		else {
			return null;
		}
		StringBuilder json = new StringBuilder("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"children\":[");
		for (int i = 0; i < children.size(); i++) {
			String child = children.get(i);
			json.append(i > 0 ? "," : "").append("{\"code\":\"").append(child).append("\",\"name\":\"")
				.append(child.endsWith("00") ? "基准市" + child.substring(2, 4) : "基准县" + child.substring(2)).append("\"}");
		}
		return json.append("]}").toString();
	}

	private void stream(HttpExchange exchange, boolean headerOnly) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=UTF-8");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			if (headerOnly) {
				byte[] first = this.csv.get(0);
				int header = 0;
				while (first[header] != '\n') {
					header++;
				}
				out.write(first, 0, header + 1);
				return;
			}
			for (byte[] piece : this.csv) {
				out.write(piece);
			}
		}
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
