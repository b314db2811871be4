package io.healthstats.report.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.healthstats.report.Api;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ReportServiceTest
class ReportVersionsIntegrationTests {

	private static final String FIRST = "一、第一季度工作总结\n(一)全县共有医疗卫生机构463个,执业(助理)医师1512人。";

	private static final String SECOND = "一、第一季度工作总结\n(一)全县共有医疗卫生机构463个,执业(助理)医师1518人,注册护士1560人。";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongo;

	private String id;

	@BeforeEach
	void createReport() {
		this.id = county().createdId(Fixtures.report("舒城县一季度总结", "341523", "2024Q1", "QUARTERLY_SUMMARY", FIRST));
	}

	@Test
	void savesAnEditAsANewVersionAndKeepsTheOldOneReadable() {
		MvcTestResult edited = county().put(this.id, "\"1\"", update("舒城县一季度总结(修订)", SECOND));

		assertThat(edited).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"2\"");
		assertThat(Api.json(edited).get("version").asInt()).isEqualTo(2);
		assertThat(Api.json(county().get("/" + this.id)).get("text").asString()).isEqualTo(SECOND);

		JsonNode first = Api.json(county().get("/" + this.id + "/versions/1"));
		assertThat(first.get("text").asString()).isEqualTo(FIRST);
		assertThat(first.get("title").asString()).isEqualTo("舒城县一季度总结");
		assertThat(first.get("savedBy").asString()).isEqualTo("county-341523");
		JsonNode versions = Api.json(county().get("/" + this.id + "/versions"));
		assertThat(versions).extracting((version) -> version.get("version").asInt()).containsExactly(2, 1);
		assertThat(county().get("/" + this.id + "/versions/3")).hasStatus(404);
	}

	@Test
	void savesARevisedDocxAsANewVersion() throws Exception {
		byte[] docx = ReportDocumentsIntegrationTests.docx(SECOND.lines().toList());

		MvcTestResult revised = this.mvc.put()
			.uri("/api/v1/reports/" + this.id)
			.multipart()
			.file(new MockMultipartFile("file", "一季度总结(修订).docx", null, docx))
			.param("title", "舒城县一季度总结(修订)")
			.param("period", "2024Q1")
			.param("kind", "QUARTERLY_SUMMARY")
			.header(HttpHeaders.AUTHORIZATION, county().bearer())
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.exchange();

		assertThat(revised).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"2\"");
		assertThat(Api.json(revised).get("text").asString()).isEqualTo(SECOND + "\n");
		assertThat(Api.json(county().get("/" + this.id + "/versions/1")).get("text").asString()).isEqualTo(FIRST);
	}

	@Test
	void refusesAnEditOfAStaleVersion() {
		assertThat(county().put(this.id, "\"1\"", update("修订一", SECOND))).hasStatusOk();

		MvcTestResult stale = county().put(this.id, "\"1\"", update("修订二", FIRST + "补充。"));

		assertThat(stale).hasStatus(412);
		JsonNode problem = Api.json(stale);
		assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/stale-version");
		assertThat(problem.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(Api.json(county().get("/" + this.id)).get("title").asString()).isEqualTo("修订一");
	}

	@Test
	void anEditThatLosesARaceIsStale() {
		// Another writer of this report's second change has claimed its event id but not finished yet.
		Document claimed = new Document("_id", "report:" + this.id + ":e2").append("status", "PUBLISHED");
		this.mongo.getCollection("report_outbox").insertOne(claimed);

		MvcTestResult lost = county().put(this.id, "\"1\"", update("修订", SECOND));

		assertThat(lost).hasStatus(412);
		assertThat(Api.json(lost).get("detail").asString()).contains("was changed while your edit was being saved");
		assertThat(Api.json(county().get("/" + this.id)).get("text").asString()).isEqualTo(FIRST);
		this.mongo.getCollection("report_outbox").deleteOne(claimed);
	}

	@Test
	void requiresIfMatchToEdit() {
		MvcTestResult result = county().put(this.id, null, update("修订", SECOND));

		assertThat(result).hasStatus(428);
		assertThat(Api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/if-match-required");
		assertThat(Api.json(county().get("/" + this.id)).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void anEditCannotSetIdStatusVersionOrRegion() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "another-id");
		body.put("title", "修订");
		body.put("region", "341502");
		body.put("period", "2024Q1");
		body.put("kind", "QUARTERLY_SUMMARY");
		body.put("status", "APPROVED");
		body.put("version", 99);
		body.put("text", SECOND);

		MvcTestResult result = county().put(this.id, "\"1\"", Fixtures.json(body));

		assertThat(result).hasStatusOk();
		JsonNode report = Api.json(county().get("/" + this.id));
		assertThat(report.get("id").asString()).isEqualTo(this.id);
		assertThat(report.get("region").asString()).isEqualTo("341523");
		assertThat(report.get("status").asString()).isEqualTo("DRAFT");
		assertThat(report.get("version").asInt()).isEqualTo(2);
	}

	@Test
	void anUnchangedEditSavesNoNewVersion() {
		MvcTestResult result = county().put(this.id, "\"1\"", update("舒城县一季度总结", FIRST));

		assertThat(result).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
		assertThat(Api.json(county().get("/" + this.id + "/versions")).size()).isEqualTo(1);
	}

	@Test
	void anotherCountyCannotEditAndGetsNotFound() {
		MvcTestResult result = Api.as(this.mvc, "county-341502").put(this.id, "\"1\"", update("篡改", SECOND));

		assertThat(result).hasStatus(404);
		assertThat(Api.json(county().get("/" + this.id)).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void historyRecordsCreationAndEditsWithActorAndTime() {
		county().put(this.id, "*", update("修订", SECOND));

		JsonNode history = Api.json(county().get("/" + this.id + "/history"));

		assertThat(history).extracting((entry) -> entry.get("action").asString()).containsExactly("CREATE", "UPDATE");
		assertThat(history.get(1).get("actor").asString()).isEqualTo("county-341523");
		assertThat(history.get(1).get("version").asInt()).isEqualTo(2);
		assertThat(history.get(1).get("at").asString()).isNotBlank();
	}

	private Api county() {
		return Api.as(this.mvc, "county-341523");
	}

	private static String update(String title, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("period", "2024Q1");
		body.put("kind", "QUARTERLY_SUMMARY");
		body.put("text", text);
		return Fixtures.json(body);
	}

}
