package io.healthstats.platform.e2e;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 as a county statistician meets it, through the gateway: upload a work summary (JSON and
 * .docx), read its sections and figures, submit as the county, approve as the city, and find its
 * figures as observations in the indicator-service; bad uploads are refused and store nothing.
 */
class ReportFlowIT {

	private static final JsonMapper JSON = RunningPlatform.JSON;

	/** A period the demo data leaves empty, so every observation found came from this report. */
	private static final String PERIOD = "2026Q2";

	private static final String TEXT = """
			舒城县卫生健康委员会2026年第二季度工作总结
			一、工作总结
			(一)医疗服务能力稳步提升。本季度全县门诊诊疗41.05万人次,同比增长3.2%。全县现有执业(助理)医师1512人。
			(二)基本公共卫生服务扎实推进。45-64岁重点人群健康体检预约39229人,完成体检26071人,完成率66.46%。
			二、下一步工作计划
			(一)持续提升体检质量,体检完成率保持在95%以上。
			""";

	private final RunningPlatform platform = RunningPlatform.shared();

	@Test
	void anApprovedSummaryBecomesObservationsWithTheReportAsSource() throws Exception {
		JsonNode created = json(send("county-341523", post("/api/v1/reports", "application/json", JSON.writeValueAsString(
				java.util.Map.of("title", "舒城县2026年第二季度工作总结", "region", "341523", "period", PERIOD, "kind",
						"QUARTERLY_SUMMARY", "text", TEXT)))), 201);
		String id = created.get("id").asString();
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("sections").get(1).get("part").asString()).isEqualTo("PLAN");

		JsonNode figures = json(send("county-341523", get("/api/v1/reports/" + id + "/figures")), 200);
		assertThat(figure(figures, "41.05万人次").get("value").decimalValue()).isEqualByComparingTo("410500");
		assertThat(figure(figures, "41.05万人次").get("indicator").asString()).isEqualTo("OUTPATIENT_VISITS");
		assertThat(figure(figures, "3.2%").get("kind").asString()).isEqualTo("CHANGE");
		assertThat(figure(figures, "95%").get("kind").asString()).isEqualTo("TARGET");

		assertThat(send("county-341523", post("/api/v1/reports/" + id + "/submit", "application/json", "{}")).statusCode())
			.isEqualTo(200);
		HttpResponse<String> selfApproval = send("county-341523", post("/api/v1/reports/" + id + "/approve", "application/json", "{}"));
		assertThat(selfApproval.statusCode()).isEqualTo(403);
		assertThat(send("city-341500", post("/api/v1/reports/" + id + "/approve", "application/json", "{}")).statusCode())
			.isEqualTo(200);

		JsonNode visits = awaitObservation("OUTPATIENT_VISITS");
		assertThat(visits.get("value").decimalValue()).isEqualByComparingTo("410500");
		assertThat(visits.get("source").get("type").asString()).isEqualTo("REPORT");
		assertThat(visits.get("source").get("id").asString()).isEqualTo(id);
		JsonNode rate = awaitObservation("HEALTH_CHECK_COMPLETION_RATE");
		assertThat(rate.get("numerator").decimalValue()).isEqualByComparingTo("26071");
		assertThat(rate.get("denominator").decimalValue()).isEqualByComparingTo("39229");
		assertThat(awaitObservation("LICENSED_PHYSICIANS").get("value").decimalValue()).isEqualByComparingTo("1512");
		// the target of the plan part and the 同比 change are figures, never observations
		JsonNode all = json(send("county-341523", get("/api/v1/observations?region=341523&period=" + PERIOD)), 200);
		assertThat(all.findValuesAsString("indicator")).containsExactlyInAnyOrder("OUTPATIENT_VISITS",
				"LICENSED_PHYSICIANS", "HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED", "HEALTH_CHECK_COMPLETION_RATE");
	}

	@Test
	void aWordDocumentIsReadWithItsSections() throws Exception {
		HttpResponse<String> response = send("county-341522",
				multipart("霍邱县2026年第二季度工作总结.docx", docx(TEXT.replace("舒城县", "霍邱县")), "341522"));
		JsonNode created = json(response, 201);
		assertThat(created.get("region").asString()).isEqualTo("341522");
		assertThat(created.get("sections")).hasSize(2);
		assertThat(created.get("figureCount").asInt()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void badUploadsAreRefusedAndStoreNothing() throws Exception {
		String title = "refused-" + UUID.randomUUID();
		List<HttpResponse<String>> refused = new ArrayList<>();
		refused.add(send("county-341524", post("/api/v1/reports", "application/json",
				"{\"title\":\"" + title + "\",\"region\":\"341524\",\"period\":\"2026Q5\",\"kind\":\"QUARTERLY_SUMMARY\",\"text\":\"一、总结\"}")));
		refused.add(send("county-341524", post("/api/v1/reports", "application/json",
				"{\"title\":\"" + title + "\",\"region\":\"341524\",\"period\":\"2026Q2\",\"kind\":\"QUARTERLY_SUMMARY\",\"text\":\"  \"}")));
		refused.add(send("county-341524", post("/api/v1/reports", "application/json",
				"{\"title\":\"" + title + "\",\"region\":\"341523\",\"period\":\"2026Q2\",\"kind\":\"QUARTERLY_SUMMARY\",\"text\":\"一、总结\"}")));
		refused.add(send("county-341524", multipart(title + ".docx", "PK this is not a zip".getBytes(StandardCharsets.UTF_8), "341524")));
		for (HttpResponse<String> response : refused) {
			assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		}
		JsonNode listed = json(send("city-341500", get("/api/v1/reports?size=100")), 200);
		assertThat(listed.findValuesAsString("title")).doesNotContain(title);
	}

	private JsonNode awaitObservation(String indicator) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode rows = json(send("county-341523",
					get("/api/v1/observations?indicator=" + indicator + "&region=341523&period=" + PERIOD)), 200);
			if (!rows.isEmpty() || System.nanoTime() > deadline) {
				assertThat(rows).as("observations of %s for %s", indicator, PERIOD).hasSize(1);
				return rows.get(0);
			}
			Thread.sleep(250);
		}
	}

	private static JsonNode figure(JsonNode figures, String text) {
		for (JsonNode figure : figures) {
			if (figure.get("text").asString().equals(text)) {
				return figure;
			}
		}
		throw new AssertionError("no figure " + text + " in " + figures);
	}

	private HttpRequest.Builder get(String path) {
		return this.platform.request(path).GET();
	}

	private HttpRequest.Builder post(String path, String contentType, String body) {
		return this.platform.post(path, contentType, body);
	}

	private HttpRequest.Builder multipart(String fileName, byte[] file, String region) throws Exception {
		String boundary = "e2e" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "title", "2026年第二季度工作总结" }, { "region", region },
				{ "period", PERIOD }, { "kind", "QUARTERLY_SUMMARY" } }) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(this.platform.gateway().resolve("/api/v1/reports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	private static byte[] docx(String text) throws Exception {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : text.strip().split("\n")) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	private HttpResponse<String> send(String client, HttpRequest.Builder request) {
		return this.platform.send(client, request);
	}

	private static JsonNode json(HttpResponse<String> response, int status) {
		return RunningPlatform.json(response, status);
	}

}
