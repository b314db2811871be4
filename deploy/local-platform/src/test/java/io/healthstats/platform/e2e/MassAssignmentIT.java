package io.healthstats.platform.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API3 (mass assignment), through the gateway: request bodies that also carry the fields the
 * server owns — source, revision, status, version, id, author, the region of an existing object —
 * change none of them. The bodies are records without those fields, so the extra members are
 * simply not read; these tests keep it that way.
 */
class MassAssignmentIT {

	private static final String CLIENT = "county-341525";

	private static final String TEXT = "一、工作总结\n(一)医疗服务。全县门诊诊疗12.6万人次。\n";

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	@Test
	void anObservationKeepsItsServerSetSourceRevisionFlagAndTime() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("indicator", "BIRTHS");
		row.put("region", "341525");
		row.put("period", "201805");
		row.put("value", 37);
		row.put("source", Map.of("type", "REPORT", "id", "forged-report", "text", "伪造"));
		row.put("revision", 99);
		row.put("flagged", true);
		row.put("recordedAt", "2000-01-01T00:00:00Z");
		row.put("history", List.of(Map.of("revision", 1, "value", 1)));
		Instant before = Instant.now().minusSeconds(60);

		JsonNode result = this.calls.postJson(CLIENT, "/api/v1/observations", List.of(row)).json(200);
		assertThat(result.get("accepted").asInt()).isEqualTo(1);
		row.put("value", 38);
		row.put("revision", 1);
		this.calls.postJson(CLIENT, "/api/v1/observations", List.of(row)).json(200);

		JsonNode stored = GatewayCalls.items(this.calls
			.get(CLIENT, "/api/v1/observations?indicator=BIRTHS&region=341525&period=201805&history=true")
			.json(200)).get(0);
		assertThat(stored.get("value").decimalValue()).isEqualByComparingTo("38");
		assertThat(stored.get("revision").asInt()).as("counted by the server").isEqualTo(2);
		assertThat(stored.get("flagged").asBoolean()).isFalse();
		assertThat(stored.get("source").get("type").asString()).isEqualTo("CLIENT");
		assertThat(stored.get("source").get("id").asString()).isEqualTo(CLIENT);
		assertThat(Instant.parse(stored.get("recordedAt").asString())).isAfter(before);
		assertThat(stored.get("history")).hasSize(2);
	}

	@Test
	void aNewReportIsTheServersDraftWhateverTheBodySays() {
		Map<String, Object> body = report("批量赋值探针 新建");
		body.put("id", "chosen-by-client");
		body.put("status", "APPROVED");
		body.put("version", 42);
		body.put("createdBy", "city-341500");
		body.put("updatedBy", "city-341500");
		body.put("figureCount", 999);
		body.put("history", List.of(Map.of("action", "APPROVE")));
		body.put("transfer", Map.of("transferred", true));

		JsonNode created = this.calls.postJson(CLIENT, "/api/v1/reports", body).json(201);

		assertThat(created.get("id").asString()).isNotEqualTo("chosen-by-client");
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("version").asInt()).isEqualTo(1);
		assertThat(created.get("createdBy").asString()).isEqualTo(CLIENT);
		assertThat(created.get("figureCount").asInt()).isNotEqualTo(999);
		assertThat(this.calls.get(CLIENT, "/api/v1/reports/chosen-by-client").status()).isEqualTo(404);
		JsonNode history = this.calls.get(CLIENT, "/api/v1/reports/" + created.get("id").asString() + "/history").json(200);
		assertThat(history).hasSize(1);
	}

	@Test
	void aPlainTextReportIgnoresStatusAndVersionInTheQuery() {
		Call call = Call.of("POST", "/api/v1/reports?title=" + encode("批量赋值探针 文本") + "&region=341525&period=2018"
				+ "&kind=ANNUAL_SUMMARY&status=APPROVED&version=9&id=chosen&createdBy=city-341500")
			.as(CLIENT)
			.body("text/plain;charset=UTF-8", TEXT);

		JsonNode created = this.calls.send(call).json(201);

		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("version").asInt()).isEqualTo(1);
		assertThat(created.get("id").asString()).isNotEqualTo("chosen");
		assertThat(created.get("createdBy").asString()).isEqualTo(CLIENT);
	}

	@Test
	void anEditCannotMoveAReportToAnotherRegionNorSetItsStatusOrVersion() {
		String id = this.calls.postJson(CLIENT, "/api/v1/reports", report("批量赋值探针 编辑")).json(201).get("id").asString();
		Map<String, Object> edit = report("批量赋值探针 编辑后");
		edit.put("region", "341522");
		edit.put("status", "PUBLISHED");
		edit.put("version", 99);
		edit.put("id", "another-id");
		edit.put("createdBy", "city-341500");

		JsonNode edited = this.calls.send(Call.of("PUT", "/api/v1/reports/" + id).as(CLIENT).header("If-Match", "\"1\"")
			.body("application/json", GatewayCalls.JSON.writeValueAsString(edit))).json(200);

		assertThat(edited.get("id").asString()).isEqualTo(id);
		assertThat(edited.get("title").asString()).isEqualTo("批量赋值探针 编辑后");
		assertThat(edited.get("region").asString()).isEqualTo("341525");
		assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
		assertThat(edited.get("version").asInt()).isEqualTo(2);
		assertThat(edited.get("createdBy").asString()).isEqualTo(CLIENT);
		// the neighbour's client does not suddenly see it
		assertThat(this.calls.get("county-341522", "/api/v1/reports/" + id).status()).isEqualTo(404);

		Multipart form = new Multipart().field("title", "批量赋值探针 上传修订").field("period", "2018").field("kind", "ANNUAL_SUMMARY")
			.field("region", "341522").field("status", "APPROVED").field("version", "7")
			.file("file", "revised.txt", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8));
		JsonNode revised = this.calls.send(Call.of("PUT", "/api/v1/reports/" + id).as(CLIENT).header("If-Match", "\"2\"")
			.body(form.contentType(), form.bytes())).json(200);

		assertThat(revised.get("region").asString()).isEqualTo("341525");
		assertThat(revised.get("status").asString()).isEqualTo("DRAFT");
		assertThat(revised.get("version").asInt()).isEqualTo(3);
	}

	@Test
	void aWorkflowStepTakesOnlyItsComment() {
		String id = this.calls.postJson(CLIENT, "/api/v1/reports", report("批量赋值探针 提交")).json(201).get("id").asString();

		JsonNode submitted = this.calls.postJson(CLIENT, "/api/v1/reports/" + id + "/submit",
				Map.of("comment", "请审核", "status", "PUBLISHED", "region", "341500", "version", 9)).json(200);

		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("region").asString()).isEqualTo("341525");
		assertThat(submitted.get("version").asInt()).isEqualTo(1);
	}

	@Test
	void anExportJobIsTheServersWhateverTheRequestSays() {
		Assumptions.assumeTrue(!this.calls.get(null, "/v3/api-docs/export-service").json(200).path("paths").isEmpty(),
				"the export-service has no API yet");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("format", "csv");
		body.put("indicator", "BIRTHS");
		body.put("region", "341525");
		body.put("from", "2024");
		body.put("to", "2024");
		body.put("status", "DONE");
		body.put("progress", 100);
		body.put("file", "/etc/passwd");
		body.put("fileId", "000000000000000000000000");
		body.put("requestedBy", "city-341500");
		body.put("ownerRegion", "341500");
		body.put("id", "chosen-job");

		Answer answer = this.calls.postJson(CLIENT, "/api/v1/exports", body);
		JsonNode job = answer.json(202);

		assertThat(job.get("id").asString()).isNotEqualTo("chosen-job");
		assertThat(job.get("requestedBy").asString()).isEqualTo(CLIENT);
		assertThat(job.get("status").asString()).isIn("QUEUED", "RUNNING");
		assertThat(job.path("file").isMissingNode() || job.get("file").isNull()).as("no file before it is DONE").isTrue();
		// its owner is the asking county: a sibling county does not see it
		assertThat(this.calls.get("county-341522", "/api/v1/exports/" + job.get("id").asString()).status()).isEqualTo(404);
		JsonNode done = awaitDone(job.get("id").asString());
		assertThat(done.get("file").asString()).isEqualTo("/api/v1/exports/" + job.get("id").asString() + "/file");
	}

	private JsonNode awaitDone(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode job = this.calls.get(CLIENT, "/api/v1/exports/" + id).json(200);
		while (!"DONE".equals(job.get("status").asString()) && System.nanoTime() < deadline) {
			assertThat(job.get("status").asString()).isNotEqualTo("FAILED");
			GatewayCalls.sleep(500);
			job = this.calls.get(CLIENT, "/api/v1/exports/" + id).json(200);
		}
		return job;
	}

	private static Map<String, Object> report(String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("region", "341525");
		body.put("period", "2018");
		body.put("kind", "ANNUAL_SUMMARY");
		body.put("text", TEXT);
		return body;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
