package io.healthstats.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthstats.localinfra.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of the export-service's world in one in-test HTTP server: the authorization server's token
 * endpoint and the indicator- and report-service endpoints the service reads, answering as those
 * services do (same paths, bodies, the observations as one streamed CSV with {@code Accept: text/csv}
 * or in {@code X-Next-Cursor} keyset pages, in key order, 404s). Data is whatever a test puts in; a test
 * can break the stream (as a failing indicator-service would) or take the CSV away (an older one).
 */
final class UpstreamStub implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	/** Rows by key INDICATOR|REGION|PERIOD, the order the indicator-service pages in. */
	private final NavigableMap<String, Map<String, Object>> observations = new ConcurrentSkipListMap<>();

	private final Map<String, Map<String, Object>> reports = new ConcurrentHashMap<>();

	private final Map<String, List<Map<String, Object>>> figures = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicBoolean failObservations = new AtomicBoolean();

	private final AtomicBoolean csvUnsupported = new AtomicBoolean();

	/** How the next streams break: "#" after n rows (the service's own line), "cut" half a line after n rows. */
	private final List<Break> breaks = new CopyOnWriteArrayList<>();

	private record Break(int afterRows, boolean cut) {
	}

	private final AtomicInteger tokensIssued = new AtomicInteger();

	UpstreamStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	URI uri() {
		return URI.create("http://localhost:" + this.server.getAddress().getPort());
	}

	void observation(String indicator, String region, String period, String value) {
		observation(indicator, region, period, value, null, null);
	}

	void observation(String indicator, String region, String period, String value, String numerator, String denominator) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("indicator", indicator);
		row.put("region", region);
		row.put("period", period);
		row.put("value", new BigDecimal(value));
		row.put("numerator", numerator == null ? null : new BigDecimal(numerator));
		row.put("denominator", denominator == null ? null : new BigDecimal(denominator));
		row.put("revision", 1);
		row.put("flagged", false);
		row.put("source", Map.of("type", "CLIENT", "id", "city-341500"));
		row.put("recordedAt", "2025-01-10T08:00:00Z");
		this.observations.put(indicator + "|" + region + "|" + period, row);
	}

	void report(Map<String, Object> report, List<Map<String, Object>> reportFigures) {
		this.reports.put((String) report.get("id"), report);
		this.figures.put((String) report.get("id"), reportFigures);
	}

	void failObservations(boolean fail) {
		this.failObservations.set(fail);
	}

	/** The next stream ends after {@code rows} rows with the {@code #interrupted} line the indicator-service writes. */
	void interruptNextStreamAfter(int rows) {
		this.breaks.add(new Break(rows, false));
	}

	/** The next stream sends {@code rows} rows and half a line, then closes, as a connection that broke. */
	void cutNextStreamAfter(int rows) {
		this.breaks.add(new Break(rows, true));
	}

	/** Answers 406 to {@code Accept: text/csv}, as an indicator-service from before the CSV stream did. */
	void csvUnsupported(boolean unsupported) {
		this.csvUnsupported.set(unsupported);
	}

	void clear() {
		this.observations.clear();
		this.reports.clear();
		this.figures.clear();
		this.requests.clear();
		this.failObservations.set(false);
		this.csvUnsupported.set(false);
		this.breaks.clear();
	}

	/** Requests received ("GET /api/v1/observations?…"), in order. */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	int tokensIssued() {
		return this.tokensIssued.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		this.requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
		try {
			if (path.equals("/oauth2/token")) {
				this.tokensIssued.incrementAndGet();
				answer(exchange, 200, Map.of("access_token", TestTokens.token("export-service", "000000", "read"),
						"token_type", "Bearer", "expires_in", 600, "scope", "read"), Map.of());
				return;
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				answer(exchange, 401, Map.of("title", "Unauthorized"), Map.of());
				return;
			}
			if (path.equals("/api/v1/indicators")) {
				answer(exchange, 200, Catalogue.INDICATORS, Map.of());
			}
			else if (path.startsWith("/api/v1/regions/")) {
				Map<String, Object> region = Catalogue.region(path.substring("/api/v1/regions/".length()));
				answer(exchange, region == null ? 404 : 200, region == null ? Map.of("title", "Unknown region") : region, Map.of());
			}
			else if (path.equals("/api/v1/observations")) {
				observations(exchange, query);
			}
			else if (path.matches("/api/v1/reports/[^/]+/figures")) {
				List<Map<String, Object>> found = this.figures.get(path.split("/")[4]);
				answer(exchange, found == null ? 404 : 200, found == null ? Map.of("title", "Not found") : found, Map.of());
			}
			else if (path.matches("/api/v1/reports/[^/]+")) {
				Map<String, Object> found = this.reports.get(path.split("/")[4]);
				answer(exchange, found == null ? 404 : 200, found == null ? Map.of("title", "Not found") : found, Map.of());
			}
			else {
				answer(exchange, 404, Map.of("title", "Not found"), Map.of());
			}
		}
		catch (RuntimeException ex) {
			answer(exchange, 500, Map.of("title", "stub failure", "detail", ex.toString()), Map.of());
		}
	}

	/**
	 * {@code GET /api/v1/observations} with region+subtree, from/to, indicator…, after: with
	 * {@code Accept: text/csv} every row as one CSV, else a page of {@code limit} rows.
	 */
	private void observations(HttpExchange exchange, String query) throws IOException {
		if (this.failObservations.get()) {
			answer(exchange, 500, Map.of("type", "https://healthstats.io/problems/internal-error", "status", 500), Map.of());
			return;
		}
		Map<String, List<String>> params = params(query);
		List<String> indicators = params.getOrDefault("indicator", List.of());
		String prefix = Catalogue.prefix(params.get("region").get(0));
		int first = Catalogue.startMonth(params.get("from").get(0));
		int last = Catalogue.endMonth(params.get("to").get(0));
		String after = params.containsKey("after") ? params.get("after").get(0) : null;
		String accept = exchange.getRequestHeaders().getFirst("Accept");
		if (accept != null && accept.contains("text/csv")) {
			if (this.csvUnsupported.get()) {
				answer(exchange, 406, Map.of("type", "https://healthstats.io/problems/internal-error", "status", 406), Map.of());
				return;
			}
			stream(exchange, after, indicators, prefix, first, last);
			return;
		}
		int limit = Integer.parseInt(params.get("limit").get(0));
		Collection<Map.Entry<String, Map<String, Object>>> candidates = (after == null ? this.observations
				: this.observations.tailMap(after, false)).entrySet();
		List<Object> page = new ArrayList<>();
		String next = null;
		for (Map.Entry<String, Map<String, Object>> entry : candidates) {
			Map<String, Object> row = entry.getValue();
			String period = (String) row.get("period");
			boolean matches = (indicators.isEmpty() || indicators.contains(row.get("indicator")))
					&& ((String) row.get("region")).startsWith(prefix) && Catalogue.startMonth(period) >= first
					&& Catalogue.endMonth(period) <= last;
			if (!matches) {
				continue;
			}
			if (page.size() == limit) {
				next = page.isEmpty() ? null : key((Map<?, ?>) page.get(page.size() - 1));
				break;
			}
			page.add(row);
		}
		answer(exchange, 200, page, next == null ? Map.of() : Map.of("X-Next-Cursor", next));
	}

	/** The matching rows after {@code after} as the indicator-service's CSV, broken as the next {@link Break} says. */
	private void stream(HttpExchange exchange, String after, List<String> indicators, String prefix, int first, int last)
			throws IOException {
		Break broken = this.breaks.isEmpty() ? null : this.breaks.remove(0);
		exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=UTF-8");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			StringBuilder csv = new StringBuilder("indicator,region,period,value,numerator,denominator\r\n");
			int rows = 0;
			String lastKey = null;
			for (Map.Entry<String, Map<String, Object>> entry : (after == null ? this.observations
					: this.observations.tailMap(after, false)).entrySet()) {
				Map<String, Object> row = entry.getValue();
				String period = (String) row.get("period");
				if (!(indicators.isEmpty() || indicators.contains(row.get("indicator")))
						|| !((String) row.get("region")).startsWith(prefix) || Catalogue.startMonth(period) < first
						|| Catalogue.endMonth(period) > last) {
					continue;
				}
				if (broken != null && rows == broken.afterRows()) {
					csv.append(broken.cut() ? "OUTPATIENT_VIS" : "#interrupted: the indicator-service could not read further; continue with after="
							+ (lastKey == null ? "" : lastKey) + "\r\n");
					break;
				}
				csv.append(row.get("indicator")).append(',').append(row.get("region")).append(',').append(period).append(',')
					.append(plain(row.get("value"))).append(',').append(plain(row.get("numerator"))).append(',')
					.append(plain(row.get("denominator"))).append("\r\n");
				rows++;
				lastKey = entry.getKey();
			}
			out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String plain(Object number) {
		return number == null ? "" : ((BigDecimal) number).toPlainString();
	}

	private static String key(Map<?, ?> row) {
		return row.get("indicator") + "|" + row.get("region") + "|" + row.get("period");
	}

	private static Map<String, List<String>> params(String query) {
		Map<String, List<String>> params = new java.util.HashMap<>();
		if (query == null) {
			return params;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return params;
	}

	private static void answer(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
		headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
