package io.healthstats.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.healthstats.localinfra.TestTokens;
import io.healthstats.report.Api;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ReportServiceTest
class ReportDocumentsIntegrationTests {

	private static final String QUARTERLY = Fixtures.text(Fixtures.SHUCHENG_2024Q1);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongo;

	@Test
	void createsADraftFromJsonWithLocationAndVersionETag() {
		MvcTestResult result = county().create(Fixtures.report("舒城县卫健委2024年第一季度工作总结", "341523", "2024Q1",
				"QUARTERLY_SUMMARY", QUARTERLY));

		assertThat(result).hasStatus(201);
		JsonNode report = Api.json(result);
		String id = report.get("id").asString();
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/api/v1/reports/" + id).hasValue(HttpHeaders.ETAG, "\"1\"");
		assertThat(report.get("status").asString()).isEqualTo("DRAFT");
		assertThat(report.get("version").asInt()).isEqualTo(1);
		assertThat(report.get("region").asString()).isEqualTo("341523");
		assertThat(report.get("createdBy").asString()).isEqualTo("county-341523");
		assertThat(report.get("text").asString()).isEqualTo(QUARTERLY);
		assertThat(report.get("sections").isArray()).isTrue();

		JsonNode figures = Api.json(county().get("/" + id + "/figures"));
		assertThat(report.get("figureCount").asInt()).isEqualTo(figures.size()).isPositive();
	}

	@Test
	void readsAReportWithItsVersionAsETag() {
		String id = county().createdId(quarterly("2024Q1"));

		MvcTestResult result = county().get("/" + id);

		assertThat(result).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
		assertThat(Api.json(result).get("title").asString()).isEqualTo("舒城县卫健委2024年第一季度工作总结");
	}

	@Test
	void createsFromAnUploadedDocx() throws IOException {
		List<String> paragraphs = QUARTERLY.lines().toList();

		MvcTestResult result = upload("county-341523", "舒城县一季度总结.docx", docx(paragraphs), form("341523", "2024Q1"));

		assertThat(result).hasStatus(201);
		JsonNode report = Api.json(result);
		assertThat(report.get("text").asString()).isEqualTo(String.join("\n", paragraphs) + "\n");
		assertThat(report.get("figureCount").asInt()).isPositive();
		assertThat(report.get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void createsFromAnUploadedGbkTextFile() {
		byte[] gbk = QUARTERLY.getBytes(Charset.forName("GBK"));

		MvcTestResult result = upload("county-341523", "一季度总结.txt", gbk, form("341523", "2024Q1"));

		assertThat(result).hasStatus(201);
		String id = Api.json(result).get("id").asString();
		assertThat(Api.json(county().get("/" + id)).get("text").asString()).isEqualTo(QUARTERLY);
	}

	@Test
	void createsFromAnUploadedUtf8TextFile() {
		MvcTestResult result = upload("county-341523", "一季度总结.txt", QUARTERLY.getBytes(StandardCharsets.UTF_8),
				form("341523", "2024Q1"));

		assertThat(result).hasStatus(201);
		assertThat(Api.json(result).get("text").asString()).isEqualTo(QUARTERLY);
	}

	@Test
	void createsFromAPlainTextBodyWithItsFieldsAsParameters() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/reports?title={title}&region=341523&period=2024Q1&kind=QUARTERLY_SUMMARY", "舒城县一季度总结")
			.header(HttpHeaders.AUTHORIZATION, county().bearer())
			.contentType(MediaType.TEXT_PLAIN)
			.content(QUARTERLY.getBytes(Charset.forName("GB18030")))
			.exchange();

		assertThat(result).hasStatus(201);
		assertThat(Api.json(result).get("text").asString()).isEqualTo(QUARTERLY);
		assertThat(Api.json(result).get("title").asString()).isEqualTo("舒城县一季度总结");
	}

	@Test
	void acceptsASeedSizedReportAsJson() {
		String annual = Fixtures.text(Fixtures.HUOSHAN_2023);
		String text = (annual + "\n").repeat(8);
		assertThat(text.length()).isGreaterThan(7000);

		MvcTestResult result = Api.as(this.mvc, "county-341525")
			.create(Fixtures.report("霍山县卫健委2023年度工作总结", "341525", "2023", "ANNUAL_SUMMARY", text));

		assertThat(result).hasStatus(201);
		assertThat(Api.json(result).get("text").asString()).hasSize(text.length());
	}

	@Test
	void rejectsEveryInvalidFieldNamingItsValueAndStoresNothing() {
		long before = stored();

		MvcTestResult result = county().create(Fixtures.report(" ", "34152", "2024Q5", "ANNUAL", ""));

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = Api.json(result);
		assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/validation");
		Map<String, String> errors = errors(problem);
		assertThat(errors).containsOnlyKeys("title", "region", "period", "kind", "text");
		assertThat(errors.get("period")).contains("'2024Q5'");
		assertThat(errors.get("region")).contains("'34152'");
		assertThat(errors.get("kind")).contains("'ANNUAL'").contains("ANNUAL_SUMMARY");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void rejectsAThirteenthMonth() {
		long before = stored();

		MvcTestResult result = county().create(quarterly("202413"));

		assertThat(result).hasStatus(400);
		assertThat(errors(Api.json(result))).containsEntry("period",
				"'202413' is not a period id: use a year (2024), a quarter (2024Q1 to 2024Q4) or a month (202401 to 202412)");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void answersABodyThatIsNotJsonWithABadRequestProblemAndStoresNothing() {
		long before = stored();

		MvcTestResult result = county().create("{\"title\":[");

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/bad-request");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void rejectsARegionThatDoesNotExist() {
		long before = stored();

		MvcTestResult result = Api.as(this.mvc, "city-341500")
			.create(Fixtures.report("不存在的县", "341599", "2024Q1", "QUARTERLY_SUMMARY", QUARTERLY));

		assertThat(result).hasStatus(400);
		assertThat(errors(Api.json(result))).containsEntry("region", "Region 341599 does not exist.");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void rejectsARegionOutsideTheCallersOwn() {
		long before = stored();

		MvcTestResult result = county().create(Fixtures.report("金安区报告", "341502", "2024Q1", "QUARTERLY_SUMMARY", QUARTERLY));

		assertThat(result).hasStatus(403);
		assertThat(Api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/forbidden-region");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void letsACityCreateAReportForOneOfItsCounties() {
		MvcTestResult result = Api.as(this.mvc, "city-341500").create(quarterly("2024Q1"));

		assertThat(result).hasStatus(201);
		assertThat(Api.json(result).get("region").asString()).isEqualTo("341523");
	}

	@Test
	void rejectsWritesWithoutTheWriteScopeAndWithoutAToken() {
		long before = stored();

		MvcTestResult partner = Api.as(this.mvc, "partner-demo").create(quarterly("2024Q1"));
		MvcTestResult anonymous = this.mvc.post()
			.uri("/api/v1/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content(quarterly("2024Q1"))
			.exchange();

		assertThat(partner).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(anonymous).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void rejectsBrokenUnsupportedAndEmptyFilesAndStoresNothing() {
		long before = stored();

		assertProblem(upload("county-341523", "a.docx", "PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1),
				form("341523", "2024Q1")), 400, "unreadable-document");
		assertProblem(upload("county-341523", "a.docx", QUARTERLY.getBytes(StandardCharsets.UTF_8), form("341523", "2024Q1")),
				400, "unreadable-document");
		assertProblem(upload("county-341523", "总结.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2 },
				form("341523", "2024Q1")), 415, "unsupported-document");
		assertProblem(upload("county-341523", "总结.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
				form("341523", "2024Q1")), 415, "unsupported-document");
		assertProblem(upload("county-341523", "a.txt", new byte[0], form("341523", "2024Q1")), 400, "unreadable-document");
		assertProblem(upload("county-341523", "a.txt", new byte[] { (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x81 },
				form("341523", "2024Q1")), 400, "unreadable-document");
		assertProblem(upload("county-341523", "a.txt", "\n \n".getBytes(StandardCharsets.UTF_8), form("341523", "2024Q1")),
				400, "unreadable-document");

		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void rejectsAnUploadWithBadFormFieldsOrWithoutAFile() {
		long before = stored();

		MvcTestResult badFields = upload("county-341523", "a.txt", QUARTERLY.getBytes(StandardCharsets.UTF_8),
				form("341523", "2024Q0"));
		MvcTestResult noFile = this.mvc.post()
			.uri("/api/v1/reports")
			.multipart()
			.param("title", "标题")
			.param("region", "341523")
			.param("period", "2024Q1")
			.param("kind", "QUARTERLY_SUMMARY")
			.header(HttpHeaders.AUTHORIZATION, county().bearer())
			.exchange();

		assertThat(badFields).hasStatus(400);
		assertThat(errors(Api.json(badFields))).containsOnlyKeys("period");
		assertThat(noFile).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void anotherCountysReportDoesNotExistForACountyButDoesForTheCity() {
		String id = county().createdId(quarterly("2024Q1"));

		MvcTestResult other = Api.as(this.mvc, "county-341502").get("/" + id);
		MvcTestResult city = Api.as(this.mvc, "city-341500").get("/" + id);
		MvcTestResult missing = county().get("/no-such-report");

		assertThat(other).hasStatus(404);
		assertThat(Api.json(other).get("type").asString()).isEqualTo("https://healthstats.io/problems/report-not-found");
		assertThat(Api.json(other).get("detail").asString()).isEqualTo(Api.json(missing).get("detail").asString()
			.replace("no-such-report", id));
		assertThat(city).hasStatusOk();
		assertThat(Api.as(this.mvc, "county-341502").get("/" + id + "/figures")).hasStatus(404);
		assertThat(Api.as(this.mvc, "county-341502").get("/" + id + "/versions/1")).hasStatus(404);
	}

	private Api county() {
		return Api.as(this.mvc, "county-341523");
	}

	private static String quarterly(String period) {
		return Fixtures.report("舒城县卫健委2024年第一季度工作总结", "341523", period, "QUARTERLY_SUMMARY", QUARTERLY);
	}

	private MvcTestResult upload(String client, String filename, byte[] content, Map<String, String> form) {
		var request = this.mvc.post()
			.uri("/api/v1/reports")
			.multipart()
			.file(new MockMultipartFile("file", filename, null, content))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient(client));
		form.forEach((name, value) -> request.param(name, value));
		return request.exchange();
	}

	private static Map<String, String> form(String region, String period) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "舒城县卫健委2024年第一季度工作总结");
		form.put("region", region);
		form.put("period", period);
		form.put("kind", "QUARTERLY_SUMMARY");
		return form;
	}

	private static void assertProblem(MvcTestResult result, int status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = Api.json(result);
		assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/" + type);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	/** Reports, versions and outbox entries: a rejected request must add to none of them. */
	private long stored() {
		return this.mongo.getCollection("reports").countDocuments() + this.mongo.getCollection("report_versions").countDocuments()
				+ this.mongo.getCollection("report_outbox").countDocuments();
	}

	static Map<String, String> errors(JsonNode problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (JsonNode error : problem.get("errors")) {
			errors.merge(error.get("field").asString(), error.get("message").asString(), (a, b) -> a + " / " + b);
		}
		return errors;
	}

	static byte[] docx(List<String> paragraphs) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String paragraph : paragraphs) {
				document.createParagraph().createRun().setText(paragraph);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

}
