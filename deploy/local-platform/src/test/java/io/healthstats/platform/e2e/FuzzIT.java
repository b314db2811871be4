package io.healthstats.platform.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.healthstats.platform.e2e.ApiDocs.Endpoint;
import io.healthstats.platform.e2e.ApiDocs.Parameter;
import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every endpoint the services document, through the real gateway:
 * malformed, oversized, wrongly typed and boundary inputs (periods, region and indicator codes,
 * numbers like -1, 1e309 or NaN, long and non-ASCII strings, broken JSON, CSV and NDJSON, wrong
 * content types, multipart garbage for report uploads). Whatever arrives, the answer is never a 5xx
 * and never names an exception or a stack frame; a batch write stores exactly the rows it reports
 * as accepted, or none; a refused upload stores no report.
 *
 * <p>About 400 tries in all, each one or two requests, so the run stays within a minute or so.
 */
class FuzzIT {

	/** What an answer must never contain: traces of Java, its exceptions and the libraries underneath. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "Caused by", "java.lang", "java.io", "java.util",
			"org.springframework", "tools.jackson", "com.fasterxml", "io.healthstats.", "org.apache", "reactor.", "io.netty",
			"jakarta.", "org.bson", "com.mongodb", "StackTrace");

	private static final List<String> CLIENTS = List.of("county-341523", "city-341500", "province-340000", "partner-demo");

	/** Values that have broken parsers elsewhere, mixed with valid ones so that fuzzing gets past the first check. */
	private static final List<String> NASTY = List.of("", " ", "-1", "0", "-0", "1e309", "-1e309", "NaN", "Infinity", "1e999999999",
			"0.000000000000000000000001", "9".repeat(400), "2024Q5", "2024Q0", "202413", "202400", "1899", "3000", "20241",
			"2024-01", "2024Q1Q2", "99999999999999999999", " 341523", "341523 ", "34152", "3415233", "000000", "999999",
			"341500", "341522", "340000", "350000", "BIRTHS", "births", "HEALTH_CHECK_COMPLETION_RATE", "NO_SUCH_INDICATOR",
			"舒城县", "金寨县卫健委", "\u0000", "%00", "%", "..", "../../etc/passwd", "a/b", "'; DROP TABLE reports; --",
			"{\"$gt\":\"\"}", "[$ne]", "<script>alert(1)</script>", "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3", "\u202E341523",
			"\uFEFF2024", "x".repeat(5000), "true", "null", "[]", "{}", "341523,341522", "2024,2025", "\t\r\n", "DONE",
			"QUEUED", "APPROVED", "csv", "docx", "xlsx", "00000000-0000-0000-0000-000000000000", "YEAR", "QUARTER", "MONTH",
			"DECADE", "2147483648", "-2147483649", "1.5");

	/** Values each parameter accepts somewhere, so that the others' nasty values are reached too. */
	private static final List<String> VALID = List.of("341523", "341500", "340000", "2024", "2024Q1", "202401", "2025", "BIRTHS",
			"HEALTH_CHECK_COMPLETION_RATE", "YEAR", "QUARTER", "MONTH", "csv", "DONE", "1", "20", "true", "ANNUAL_SUMMARY", "DRAFT");

	private static final List<String> FIELDS = List.of("indicator", "indicators", "region", "period", "value", "numerator",
			"denominator", "title", "kind", "text", "comment", "code", "name", "nameEn", "parent", "format", "from", "to", "report",
			"status", "version", "id", "source", "revision", "progress", "file");

	/** Raw JSON values: boundaries, wrong types, and tokens JSON does not allow. */
	private static final List<String> JSON_VALUES = List.of("-1", "0", "1e309", "-1e309", "1e999999999", "1e-999999999",
			"123456789012345678901234567890", "0.1", "-0.0", "NaN", "Infinity", "null", "true", "\"\"", "\"341523\"", "\"2024\"",
			"\"BIRTHS\"", "\"341500\"", "[]", "{}", "[1,2]", "{\"$gt\":\"\"}", "\"" + "长".repeat(30000) + "\"", "\"\\u0000\"",
			"\"\\uD800\"", "2024", "341523", "\"ANNUAL_SUMMARY\"", "\"csv\"", "[\"BIRTHS\",null]");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=GBK",
			"application/json;charset=UTF-16", "text/plain", "text/plain;charset=x-unknown", "text/csv", "application/x-ndjson",
			"application/xml", "application/octet-stream", "multipart/form-data", "multipart/form-data; boundary=",
			"application/x-www-form-urlencoded", "*/*", "garbage", "application/problem+json");

	private static final List<String> COUNTS = List.of("BIRTHS", "OUTPATIENT_VISITS", "SECOND_CHILD_BIRTHS", "HEALTH_CHECK_APPOINTMENTS",
			"HEALTH_CHECK_COMPLETED", "VACCINE_DOSES", "PUBLIC_HEALTH_EMERGENCIES", "MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS",
			"REGISTERED_NURSES", "POPULATION", "CHILDCARE_SLOTS");

	private static final String RATE = "HEALTH_CHECK_COMPLETION_RATE";

	/** The county whose data the batch property writes, into periods nobody else uses (2100 onwards). */
	private static final String WRITER = "county-341502";

	private static final String WRITER_REGION = "341502";

	private static final AtomicInteger TRIES = new AtomicInteger();

	private static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

	private static List<Endpoint> endpoints;

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	// ---------------------------------------------------------------------------------------------
	// 1. Anything at any endpoint

	@Property(tries = 250)
	void noInputMakesAnyEndpointAnswerA5xxOrAStackTrace(@ForAll("requests") Call call) {
		Answer answer = this.calls.send(call);
		String service = call.path().startsWith("/api/v1/reports") ? "report-service"
				: call.path().startsWith("/api/v1/exports") ? "export-service" : "indicator-service";
		ANSWERS.computeIfAbsent(service + " " + answer.status(), key -> new AtomicInteger()).incrementAndGet();
		assertClean(answer);
	}

	/** What the generated requests were answered, to see that they got past the first checks too. */
	@AfterContainer
	static void printAnswers() {
		System.out.println("[fuzz] answers by service and status: " + new TreeMap<>(ANSWERS));
	}

	@Provide
	Arbitrary<Call> requests() {
		return Arbitraries.of(endpoints(this.calls)).flatMap(endpoint -> Combinators.combine(Arbitraries.of(CLIENTS),
				values().list().ofSize(pathParameters(endpoint)), values().injectNull(0.5).list().ofSize(queryParameters(endpoint).size()),
				body(endpoint),
				Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(endpoint.method())), Tuple.of(1, Arbitraries.of("DELETE", "PATCH"))),
				values().injectNull(0.7))
			.as((client, path, query, body, method, ifMatch) -> {
				Call call = Call.of(method, uri(endpoint, path, query)).as(client);
				if (body != null) {
					call = call.body(body.contentType(), body.bytes());
				}
				return (ifMatch != null) ? call.header("If-Match", ifMatch.replaceAll("[^\\x20-\\x7e]", "")) : call;
			}));
	}

	// ---------------------------------------------------------------------------------------------
	// 2. A batch stores exactly what it reports

	@Property(tries = 100)
	void aBatchStoresExactlyTheRowsItReportsAcceptedOrNone(@ForAll("batches") Batch batch) {
		String period = String.format("%d%02d", 2100 + TRIES.get() / 12, TRIES.getAndIncrement() % 12 + 1);
		Answer answer = this.calls.send(Call.of("POST", "/api/v1/observations").as(WRITER).body(batch.contentType(), batch.body(period)));
		assertClean(answer);

		Map<String, Row> expected = new TreeMap<>();
		if (batch.broken()) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		}
		else if (batch.good().isEmpty()) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
			assertThat(answer.json().get("rejected")).as(answer.toString()).hasSize(batch.rows().size());
		}
		else {
			JsonNode result = answer.json(200);
			assertThat(result.get("accepted").asInt()).as(answer.toString()).isEqualTo(batch.good().size());
			List<Integer> rejected = new ArrayList<>();
			result.get("rejected").forEach(row -> rejected.add(row.get("index").asInt()));
			assertThat(rejected).as(answer.toString()).isEqualTo(batch.badIndexes());
			batch.good().forEach(row -> expected.put(row.indicator(), row));
		}
		JsonNode stored = GatewayCalls.items(this.calls.get(WRITER, "/api/v1/observations?region=" + WRITER_REGION + "&period=" + period)
			.json(200));
		Map<String, JsonNode> found = new TreeMap<>();
		stored.forEach(row -> found.put(row.get("indicator").asString(), row));
		assertThat(found.keySet()).as("stored for %s after %s", period, answer).isEqualTo(expected.keySet());
		for (Row row : expected.values()) {
			JsonNode observation = found.get(row.indicator());
			String field = RATE.equals(row.indicator()) ? "numerator" : "value";
			String sent = RATE.equals(row.indicator()) ? row.numerator() : row.value();
			assertThat(observation.get(field).decimalValue()).as(row.indicator()).isEqualByComparingTo(new BigDecimal(sent));
		}
	}

	@Provide
	Arbitrary<Batch> batches() {
		Arbitrary<Row> good = Arbitraries.frequencyOf(Tuple.of(4, Combinators.combine(Arbitraries.of(COUNTS), goodNumbers())
			.as((indicator, value) -> new Row(indicator, WRITER_REGION, null, value, null, null, true))),
				Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(1, 1_000_000))
					.as((numerator, denominator) -> new Row(RATE, WRITER_REGION, null, null, numerator.toString(), denominator.toString(), true))));
		Arbitrary<Row> bad = Arbitraries.of(
				new Row("NO_SUCH_INDICATOR", WRITER_REGION, null, "1", null, null, false),
				new Row("births", WRITER_REGION, null, "1", null, null, false),
				new Row("BIRTHS", "341503", null, "1", null, null, false),
				new Row("BIRTHS", "341599", null, "1", null, null, false),
				new Row("BIRTHS", "34150", null, "1", null, null, false),
				new Row("BIRTHS", "341500", null, "1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, "2024Q5", "1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, "202413", "1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, "1899", "1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, "", "1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, "-1", null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, "1e309", null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, "123456789012345678901", null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, "1e-999999999", null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, null, null, null, false),
				new Row("BIRTHS", WRITER_REGION, null, "1", "1", "2", false),
				new Row(RATE, WRITER_REGION, null, null, "5", null, false),
				new Row(RATE, WRITER_REGION, null, null, "5", "0", false),
				new Row(RATE, WRITER_REGION, null, null, "-5", "10", false),
				new Row(RATE, WRITER_REGION, null, "99", "5", "10", false),
				new Row(null, WRITER_REGION, null, "1", null, null, false));
		Arbitrary<List<Row>> goodRows = good.list().ofMaxSize(5).uniqueElements(Row::indicator);
		Arbitrary<List<Row>> badRows = bad.list().ofMaxSize(4);
		return Combinators.combine(goodRows, badRows, Arbitraries.of("application/json", "application/x-ndjson", "text/csv"),
				Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 9))
			.filter((goods, bads, type, seed, breakage) -> goods.size() + bads.size() > 0)
			.as((goods, bads, type, seed, breakage) -> {
				List<Row> rows = new ArrayList<>(goods);
				Random random = new Random(seed);
				bads.forEach(row -> rows.add(random.nextInt(rows.size() + 1), row));
				// one batch in ten is broken as a whole (cut short, or a NaN JSON does not allow): nothing is stored
				boolean broken = breakage == 0 && !"text/csv".equals(type);
				return new Batch(type, List.copyOf(rows), broken, seed);
			});
	}

	private static Arbitrary<String> goodNumbers() {
		return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0, 2_000_000).map(String::valueOf)),
				Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999")).ofScale(4).map(BigDecimal::toPlainString)),
				Tuple.of(1, Arbitraries.of("0", "12345678901234567890", "0.00000000000000000001", "99999999999999999999.5")));
	}

	// ---------------------------------------------------------------------------------------------
	// 3. A refused upload stores no report

	@Property(tries = 50)
	void aRefusedUploadStoresNoReport(@ForAll("uploads") Upload upload) {
		String title = "模糊上传 " + TRIES.incrementAndGet();
		Multipart form = upload.form(title);
		byte[] body = form.bytes();
		// shape 5: the body ends before the closing boundary
		Answer answer = this.calls.send(Call.of("POST", "/api/v1/reports").as(WRITER)
			.body(form.contentType(), (upload.shape() == 5) ? Arrays.copyOf(body, body.length * 2 / 3) : body));
		assertClean(answer);
		if (answer.status() != 201) {
			JsonNode listed = this.calls.get(WRITER, "/api/v1/reports?region=" + WRITER_REGION + "&size=100").json(200);
			assertThat(listed.get("content").findValuesAsString("title")).as(answer.toString()).doesNotContain(title);
		}
	}

	@Provide
	Arbitrary<Upload> uploads() {
		Arbitrary<String> period = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("2019")), Tuple.of(1, values()));
		Arbitrary<String> kind = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("ANNUAL_SUMMARY")), Tuple.of(1, values()));
		Arbitrary<String> region = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(WRITER_REGION)), Tuple.of(1, values()));
		Arbitrary<String> filename = Arbitraries.of("report.docx", "report.txt", "report.doc", "report.pdf", "report", "../../etc/passwd.txt",
				"报告.docx", "a".repeat(300) + ".txt", ".docx", "x.DOCX", "x.txt.exe");
		Arbitrary<byte[]> file = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)),
				Tuple.of(1, Arbitraries.of(FILES).map(FileMaker::make)));
		Arbitrary<Integer> shape = Arbitraries.integers().between(0, 5);
		return Combinators.combine(period, kind, region, filename, file, shape).as(Upload::new);
	}

	// ---------------------------------------------------------------------------------------------
	// What every answer must be

	private static void assertClean(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isLessThan(500);
		for (String leak : LEAKS) {
			assertThat(answer.body()).as(answer.toString()).doesNotContain(leak);
		}
		if (answer.status() >= 400 && !answer.body().isEmpty()) {
			assertThat(answer.isProblem()).as(answer + " is a problem").isTrue();
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Generators

	private static Arbitrary<String> values() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(NASTY)), Tuple.of(4, Arbitraries.of(VALID)),
				Tuple.of(2, Arbitraries.strings().ofMaxLength(40)), Tuple.of(2, Arbitraries.strings().numeric().ofMaxLength(12)));
	}

	private static Arbitrary<Body> body(Endpoint endpoint) {
		Arbitrary<String> type = endpoint.consumes().isEmpty() ? Arbitraries.of(CONTENT_TYPES)
				: Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(endpoint.consumes())), Tuple.of(1, Arbitraries.of(CONTENT_TYPES)));
		Arbitrary<Body> json = Combinators.combine(type, jsonBodies()).as((t, text) -> new Body(t, text.getBytes(StandardCharsets.UTF_8)));
		Arbitrary<Body> text = Combinators.combine(type, textBodies()).as((t, text2) -> new Body(t, text2.getBytes(StandardCharsets.UTF_8)));
		Arbitrary<Body> bytes = Combinators.combine(type, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)).as(Body::new);
		Arbitrary<Body> multipart = multipartGarbage();
		Arbitrary<Body> some = Arbitraries.frequencyOf(Tuple.of(4, json), Tuple.of(2, text), Tuple.of(1, bytes), Tuple.of(3, multipart));
		return endpoint.writes() ? some : Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(null)), Tuple.of(1, some));
	}

	/** JSON shaped like the services' bodies, with wrong types and boundaries in every field, or broken. */
	private static Arbitrary<String> jsonBodies() {
		Arbitrary<String> object = Arbitraries.of(FIELDS).list().ofMaxSize(8).uniqueElements().flatMap(fields -> Arbitraries.of(JSON_VALUES)
			.list()
			.ofSize(fields.size())
			.map(values -> {
				StringBuilder json = new StringBuilder("{");
				for (int i = 0; i < fields.size(); i++) {
					json.append(i > 0 ? "," : "").append('"').append(fields.get(i)).append("\":").append(values.get(i));
				}
				return json.append('}').toString();
			}));
		Arbitrary<String> array = object.list().ofMaxSize(6).map(objects -> "[" + String.join(",", objects) + "]");
		Arbitrary<String> broken = Arbitraries.of("", "{", "[", "]", "[{", "{\"indicator\":", "[{\"indicator\":\"BIRTHS\",}]", "{'a':1}",
				"\uFEFF[]", "[" + "[".repeat(5000) + "]".repeat(5000) + "]", "{\"a\":1,\"a\":2}", "[" + "{},".repeat(10_001) + "{}]",
				"\"" + "x".repeat(200_000) + "\"", "[1e999999999]", "[NaN]", "[-Infinity]", "null", "0", "\"\"");
		return Arbitraries.frequencyOf(Tuple.of(3, object), Tuple.of(3, array), Tuple.of(2, broken));
	}

	private static Arbitrary<String> textBodies() {
		Arbitrary<String> csvLine = values().list().ofMaxSize(7).map(cells -> String.join(",", cells));
		Arbitrary<String> csv = csvLine.list().ofMaxSize(8).map(lines -> "indicator,region,period,value,numerator,denominator\n"
				+ String.join("\n", lines));
		return Arbitraries.frequencyOf(Tuple.of(3, csv), Tuple.of(2, csvLine.list().ofMaxSize(5).map(lines -> String.join("\n", lines))),
				Tuple.of(2, jsonBodies().list().ofMaxSize(4).map(lines -> String.join("\n", lines))),
				Tuple.of(1, Arbitraries.strings().ofMaxLength(500)),
				Tuple.of(1, Arbitraries.of("indicator\n" + "BIRTHS\n".repeat(10_001), "\"a,b\",\"c\nd\"", "\r\n\r\n", "一、工作总结\n" + "x".repeat(300_000))));
	}

	private static Arbitrary<Body> multipartGarbage() {
		return Combinators.combine(values(), Arbitraries.bytes().array(byte[].class).ofMaxSize(500), Arbitraries.integers().between(0, 3),
				Arbitraries.integers().between(0, 9))
			.as((value, bytes, parts, damage) -> {
				Multipart form = new Multipart();
				switch (parts) {
					case 0 -> form.field("title", value).field("region", value).file("file", value + ".docx", "application/octet-stream", bytes);
					case 1 -> form.file("document", "a.txt", "text/plain", bytes);
					case 2 -> form.field("title", value);
					default -> form.file("file", "a.txt", value, bytes).file("file", "b.txt", "text/plain", bytes);
				}
				byte[] body = form.bytes();
				// half the bodies end before their closing boundary; some declare a boundary they do not use
				if (damage < 5) {
					body = Arrays.copyOf(body, body.length * damage / 5);
				}
				return new Body((damage == 9) ? "multipart/form-data; boundary=nope" : form.contentType(), body);
			});
	}

	private static int pathParameters(Endpoint endpoint) {
		return (int) endpoint.parameters().stream().filter(parameter -> "path".equals(parameter.in())).count();
	}

	private static List<Parameter> queryParameters(Endpoint endpoint) {
		return endpoint.parameters().stream().filter(parameter -> "query".equals(parameter.in())).toList();
	}

	private static String uri(Endpoint endpoint, List<String> pathValues, List<String> queryValues) {
		String path = endpoint.path();
		for (String value : pathValues) {
			path = path.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(encode(value)));
		}
		List<Parameter> query = queryParameters(endpoint);
		StringBuilder uri = new StringBuilder(path);
		char separator = '?';
		for (int i = 0; i < query.size(); i++) {
			if (queryValues.get(i) != null) {
				uri.append(separator).append(encode(query.get(i).name())).append('=').append(encode(queryValues.get(i)));
				separator = '&';
			}
		}
		return uri.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static synchronized List<Endpoint> endpoints(GatewayCalls calls) {
		if (endpoints == null) {
			endpoints = ApiDocs.endpoints(calls);
		}
		return endpoints;
	}

	// ---------------------------------------------------------------------------------------------
	// Files for uploads

	@FunctionalInterface
	interface FileMaker {

		byte[] make();

	}

	private static final List<FileMaker> FILES = List.of(FuzzIT::emptyFile, FuzzIT::brokenZip, FuzzIT::zipBomb,
			FuzzIT::docxWithNastyText, FuzzIT::gbkText, FuzzIT::utf16Text, FuzzIT::nulText);

	private static byte[] emptyFile() {
		return new byte[0];
	}

	private static byte[] brokenZip() {
		byte[] zip = zip("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
		return Arrays.copyOf(zip, zip.length / 2);
	}

	/** 40 MB of zeros that compress to some 40 kB: a .docx must not be inflated blindly. */
	private static byte[] zipBomb() {
		return zip("word/document.xml", new byte[40 * 1024 * 1024]);
	}

	private static byte[] docxWithNastyText() {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("一、工作总结 1e309 NaN -1 XX% \u202E 99999999999999999999999万人次 " + "数".repeat(2000));
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] gbkText() {
		return "一、工作总结\n全县门诊诊疗12.6万人次,完成率100.37%。".getBytes(Charset.forName("GBK"));
	}

	private static byte[] utf16Text() {
		return "一、工作总结\n全县门诊诊疗12.6万人次。".getBytes(StandardCharsets.UTF_16);
	}

	private static byte[] nulText() {
		return "一、工作总结\u0000\u0000\u0001全县\uFFFD".getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] zip(String entry, byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	// ---------------------------------------------------------------------------------------------

	record Body(String contentType, byte[] bytes) {

		@Override
		public String toString() {
			return this.contentType + " (" + this.bytes.length + " bytes)";
		}

	}

	/** One observation row as sent; null fields are left out (a missing field is a case of its own). */
	record Row(String indicator, String region, String period, String value, String numerator, String denominator, boolean good) {

		Map<String, String> fields(String validPeriod) {
			Map<String, String> fields = new LinkedHashMap<>();
			put(fields, "indicator", this.indicator);
			put(fields, "region", this.region);
			put(fields, "period", (this.period != null) ? this.period : validPeriod);
			put(fields, "value", this.value);
			put(fields, "numerator", this.numerator);
			put(fields, "denominator", this.denominator);
			return fields;
		}

		private static void put(Map<String, String> fields, String name, String value) {
			if (value != null) {
				fields.put(name, value);
			}
		}

	}

	record Batch(String contentType, List<Row> rows, boolean broken, int seed) {

		List<Row> good() {
			return this.rows.stream().filter(Row::good).toList();
		}

		List<Integer> badIndexes() {
			List<Integer> indexes = new ArrayList<>();
			for (int i = 0; i < this.rows.size(); i++) {
				if (!this.rows.get(i).good()) {
					indexes.add(i);
				}
			}
			return indexes;
		}

		String body(String period) {
			if ("text/csv".equals(this.contentType)) {
				StringBuilder csv = new StringBuilder("indicator,region,period,value,numerator,denominator\n");
				for (Row row : this.rows) {
					Map<String, String> fields = row.fields(period);
					csv.append(String.join(",", cell(fields, "indicator"), cell(fields, "region"), cell(fields, "period"),
							cell(fields, "value"), cell(fields, "numerator"), cell(fields, "denominator"))).append('\n');
				}
				return csv.toString();
			}
			List<String> objects = new ArrayList<>();
			for (Row row : this.rows) {
				List<String> members = new ArrayList<>();
				row.fields(period).forEach((name, value) -> members.add("\"" + name + "\":" + (isNumeric(name) ? value : "\"" + value + "\"")));
				objects.add("{" + String.join(",", members) + "}");
			}
			String body = "application/x-ndjson".equals(this.contentType) ? String.join("\n", objects) + "\n"
					: "[" + String.join(",", objects) + "]";
			if (!this.broken) {
				return body;
			}
			// a proper prefix of a JSON array is never valid JSON; NaN is not JSON at all
			boolean cut = this.seed % 2 == 0 && "application/json".equals(this.contentType);
			return cut ? body.substring(0, body.length() - 1 - this.seed % Math.max(1, body.length() - 1))
					: body.replaceFirst("\\{", "{\"value\":NaN,");
		}

		private static boolean isNumeric(String field) {
			return field.equals("value") || field.equals("numerator") || field.equals("denominator");
		}

		private static String cell(Map<String, String> fields, String name) {
			return fields.getOrDefault(name, "");
		}

		@Override
		public String toString() {
			return this.contentType + (this.broken ? " broken " : " ") + this.rows;
		}

	}

	/** A report upload: form fields, a file, and one of a few ways to get the form wrong. */
	record Upload(String period, String kind, String region, String filename, byte[] file, int shape) {

		Multipart form(String title) {
			Multipart form = new Multipart();
			if (this.shape != 3) {
				form.field("title", title);
			}
			form.field("region", this.region).field("period", this.period).field("kind", this.kind);
			String type = this.filename.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
					: "text/plain";
			switch (this.shape) {
				case 1 -> {
					// no file at all
				}
				case 2 -> form.file("document", this.filename, type, this.file);
				case 4 -> form.file("file", this.filename, type, this.file).file("file", "second.txt", "text/plain", this.file);
				default -> form.file("file", this.filename, type, this.file);
			}
			return form;
		}

		@Override
		public String toString() {
			return "Upload[" + this.filename + ", " + this.file.length + " bytes, shape " + this.shape + ", region " + this.region
					+ ", period " + this.period + ", kind " + this.kind + "]";
		}

	}

}
