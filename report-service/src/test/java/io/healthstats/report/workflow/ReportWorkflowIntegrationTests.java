package io.healthstats.report.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.healthstats.report.Api;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import io.healthstats.report.ReportTopics;
import io.healthstats.report.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ReportServiceTest
class ReportWorkflowIntegrationTests {

	private static final String QUARTERLY = Fixtures.text(Fixtures.SHUCHENG_2024Q1);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Autowired
	ReportTopics topics;

	@Test
	void countySubmitsCityApprovesAndTheFiguresReachTheIndicatorServiceOnce() {
		String id = create();

		MvcTestResult submitted = county().step(id, "submit", null);
		assertThat(submitted).hasStatusOk();
		assertThat(Api.json(submitted).get("status").asString()).isEqualTo("SUBMITTED");

		MvcTestResult approved = city().step(id, "approve", "数据核实无误,同意。");
		assertThat(approved).hasStatusOk();
		assertThat(Api.json(approved).get("status").asString()).isEqualTo("APPROVED");

		JsonNode transfer = Api.json(county().get("/" + id + "/observations"));
		assertThat(transfer.get("transferred").asBoolean()).isTrue();
		Map<String, JsonNode> planned = byIndicator(transfer.get("observations"));
		// Figures of the fixture, computed by hand: 41.3万人次 = 413000; 24390 / 28516 = 85.53 %.
		assertThat(planned).containsKeys("MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS", "REGISTERED_NURSES",
				"OUTPATIENT_VISITS", "HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED", "HEALTH_CHECK_COMPLETION_RATE");
		assertValue(planned.get("MEDICAL_INSTITUTIONS"), "463");
		assertValue(planned.get("LICENSED_PHYSICIANS"), "1512");
		assertValue(planned.get("OUTPATIENT_VISITS"), "413000");
		assertValue(planned.get("HEALTH_CHECK_COMPLETION_RATE"), "85.53");
		assertThat(planned.get("HEALTH_CHECK_COMPLETION_RATE").get("numerator").decimalValue()).isEqualByComparingTo("24390");
		assertThat(planned.get("HEALTH_CHECK_COMPLETION_RATE").get("denominator").decimalValue()).isEqualByComparingTo("28516");
		// The change (6.2%), the placeholders and the plan part (45万人次, 90%, 80个) stay behind.
		assertThat(transfer.get("observations").toString()).doesNotContain("6.2%", "XX", "45万人次", "90%", "80个");
		assertThat(reasons(transfer)).containsEntry("6.2%", "CHANGE").containsEntry("45万人次", "TARGET");

		try (TopicReader ingest = new TopicReader(this.consumers, this.topics.observations())) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(ids(ingest, id)).hasSize(transfer.get("observations").size()));
			List<TopicReader.Event> events = ingest.events((event) -> fromReport(event, id));
			for (TopicReader.Event event : events) {
				JsonNode expected = planned.get(event.data().get("indicator").asString());
				assertThat(event.type()).isEqualTo("io.healthstats.observation.submitted");
				assertThat(event.key()).isEqualTo("341523");
				assertThat(event.cloudEvent().get("specversion").asString()).isEqualTo("1.0");
				assertThat(event.cloudEvent().get("subject").asString()).isEqualTo("341523");
				assertThat(event.id()).isEqualTo(expected.get("eventId").asString()).startsWith("report:" + id + ":v1:");
				assertThat(event.data().get("region").asString()).isEqualTo("341523");
				assertThat(event.data().get("period").asString()).isEqualTo("2024Q1");
				assertThat(event.data().get("value").decimalValue()).isEqualByComparingTo(expected.get("value").decimalValue());
				assertThat(event.data().get("source").get("type").asString()).isEqualTo("REPORT");
				assertThat(event.data().get("source").get("text").asString())
					.isEqualTo(expected.get("source").get("text").asString());
				int start = event.data().get("source").get("start").asInt();
				assertThat(QUARTERLY.substring(start, event.data().get("source").get("end").asInt()))
					.isEqualTo(event.data().get("source").get("text").asString());
			}
			TopicReader.Event rate = events.stream()
				.filter((event) -> event.data().get("indicator").asString().equals("HEALTH_CHECK_COMPLETION_RATE"))
				.findFirst()
				.orElseThrow();
			assertThat(rate.data().get("numerator").decimalValue()).isEqualByComparingTo("24390");
			assertThat(rate.data().get("denominator").decimalValue()).isEqualByComparingTo("28516");
			TopicReader.Event physicians = events.stream()
				.filter((event) -> event.data().get("indicator").asString().equals("LICENSED_PHYSICIANS"))
				.findFirst()
				.orElseThrow();
			assertThat(physicians.data().has("numerator")).isFalse();

			MvcTestResult again = city().step(id, "approve", null);
			assertThat(again).hasStatus(409);
			assertThat(Api.json(again).get("type").asString()).isEqualTo("https://healthstats.io/problems/invalid-transition");
			await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(ids(ingest, id)).hasSize(transfer.get("observations").size()));
		}

		try (TopicReader reports = new TopicReader(this.consumers, this.topics.reports())) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(reportEventTypes(reports, id)).containsExactly(
						"io.healthstats.report.created", "io.healthstats.report.submitted",
						"io.healthstats.report.approved"));
			TopicReader.Event approval = reports.events((event) -> event.type().endsWith(".approved")
					&& event.data().get("id").asString().equals(id)).get(0);
			assertThat(approval.key()).isEqualTo("341523");
			assertThat(approval.data().get("actor").asString()).isEqualTo("city-341500");
			assertThat(approval.data().get("comment").asString()).isEqualTo("数据核实无误,同意。");
			assertThat(approval.data().get("observationCount").asInt()).isEqualTo(transfer.get("observations").size());
		}
	}

	@Test
	void submittingWarnsOfEveryPlaceholderLeft() {
		String id = create();
		List<String> placeholders = new ArrayList<>();
		Api.json(county().get("/" + id + "/figures")).forEach((figure) -> {
			if (figure.get("placeholder").asBoolean()) {
				placeholders.add(figure.get("text").asString());
			}
		});

		JsonNode submitted = Api.json(county().step(id, "submit", null));

		List<String> warned = new ArrayList<>();
		submitted.get("warnings").forEach((warning) -> warned.add(warning.get("text").asString()));
		assertThat(warned).isEqualTo(placeholders).isNotEmpty().anyMatch((text) -> text.startsWith("XX"));
		assertThat(submitted.get("warnings").get(0).get("type").asString()).isEqualTo("PLACEHOLDER");
	}

	@Test
	void nobodyApprovesTheirOwnRegionsReport() {
		String id = create();
		county().step(id, "submit", null);

		MvcTestResult result = county().step(id, "approve", null);

		assertThat(result).hasStatus(403);
		assertThat(Api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/workflow-forbidden");
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void anotherCountyCannotSeeOrApproveTheReport() {
		String id = create();
		county().step(id, "submit", null);
		Api other = Api.as(this.mvc, "county-341502");

		assertThat(other.step(id, "approve", null)).hasStatus(404);
		assertThat(other.step(id, "return", "不同意")).hasStatus(404);
		assertThat(other.get("/" + id + "/observations")).hasStatus(404);
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void onlyTheReportsOwnRegionSubmits() {
		String id = create();

		MvcTestResult result = city().step(id, "submit", null);

		assertThat(result).hasStatus(403);
		assertThat(status(id)).isEqualTo("DRAFT");
	}

	@Test
	void onlyASubmittedReportCanBeApproved() {
		String id = create();

		MvcTestResult result = city().step(id, "approve", null);

		assertThat(result).hasStatus(409);
		assertThat(Api.json(result).get("detail").asString()).contains("is DRAFT");
	}

	@Test
	void anApprovedReportIsLockedAndCanBePublished() {
		String id = create();
		county().step(id, "submit", null);
		city().step(id, "approve", null);

		MvcTestResult edit = county().put(id, "\"1\"", update("修订", QUARTERLY + "补充说明。"));
		assertThat(edit).hasStatus(409);
		assertThat(Api.json(edit).get("type").asString()).isEqualTo("https://healthstats.io/problems/report-locked");
		assertThat(county().step(id, "publish", null)).hasStatus(403);

		MvcTestResult published = city().step(id, "publish", "同意公开。");

		assertThat(published).hasStatusOk();
		assertThat(Api.json(published).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(county().put(id, "\"1\"", update("修订", QUARTERLY + "补充说明。"))).hasStatus(409);
		assertThat(city().step(id, "publish", null)).hasStatus(409);
		assertThat(city().step(id, "return", "撤回")).hasStatus(409);
		assertThat(Api.json(county().get("/" + id)).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aSubmittedReportCannotBeEditedUntilReturned() {
		String id = create();
		county().step(id, "submit", null);

		assertThat(county().put(id, "\"1\"", update("修订", QUARTERLY + "补充。"))).hasStatus(409);
	}

	@Test
	void aReturnedReportIsEditedResubmittedAndApprovedWithItsNewVersion() {
		String id = create();
		county().step(id, "submit", null);

		MvcTestResult noComment = city().step(id, "return", null);
		assertThat(noComment).hasStatus(400);
		assertThat(Api.json(noComment).get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(status(id)).isEqualTo("SUBMITTED");

		MvcTestResult returned = city().step(id, "return", "请补全孕产妇系统管理率后重新提交。");
		assertThat(returned).hasStatusOk();
		assertThat(status(id)).isEqualTo("RETURNED");

		String filled = QUARTERLY.replace("孕产妇系统管理率达到XX%", "孕产妇系统管理率达到95.6%");
		assertThat(county().put(id, "\"1\"", update("舒城县卫健委2024年第一季度工作总结", filled))).hasStatusOk();
		assertThat(county().step(id, "submit", null)).hasStatusOk();
		assertThat(city().step(id, "approve", null)).hasStatusOk();

		JsonNode transfer = Api.json(county().get("/" + id + "/observations"));
		assertThat(transfer.get("version").asInt()).isEqualTo(2);
		transfer.get("observations")
			.forEach((observation) -> assertThat(observation.get("eventId").asString()).startsWith("report:" + id + ":v2:"));

		JsonNode history = Api.json(county().get("/" + id + "/history"));
		assertThat(history).extracting((entry) -> entry.get("action").asString())
			.containsExactly("CREATE", "SUBMIT", "RETURN", "UPDATE", "SUBMIT", "APPROVE");
		JsonNode returnEntry = history.get(2);
		assertThat(returnEntry.get("actor").asString()).isEqualTo("city-341500");
		assertThat(returnEntry.get("actorRegion").asString()).isEqualTo("341500");
		assertThat(returnEntry.get("comment").asString()).isEqualTo("请补全孕产妇系统管理率后重新提交。");
		assertThat(returnEntry.get("from").asString()).isEqualTo("SUBMITTED");
		assertThat(returnEntry.get("to").asString()).isEqualTo("RETURNED");
		assertThat(returnEntry.get("at").asString()).isNotBlank();
	}

	@Test
	void previewsTheObservationsBeforeApproval() {
		String id = create();

		JsonNode preview = Api.json(county().get("/" + id + "/observations"));

		assertThat(preview.get("transferred").asBoolean()).isFalse();
		assertThat(preview.get("status").asString()).isEqualTo("DRAFT");
		assertThat(preview.get("observations").size()).isPositive();
		assertThat(preview.get("notTransferred").size()).isPositive();
	}

	@Test
	void approvesAReportOfAMillionCharactersWithAsManyConflictingFiguresAsAReportMayHold() {
		// 10,000 figures of two values for one indicator: none is sent, each kept with its reason
		String figures = "门诊诊疗12人次，门诊诊疗13人次，".repeat(ReportWorkflow.MAX_FIGURES / 2);
		String text = "一、工作概况\n" + figures + "。\n二、其他工作\n" + "加强队伍建设。".repeat((990_000 - figures.length()) / 7);
		String id = county().createdId(Fixtures.report("大报告", "341523", "2023", "ANNUAL_SUMMARY", text));
		assertThat(county().step(id, "submit", null)).hasStatusOk();

		MvcTestResult approved = city().step(id, "approve", null);

		assertThat(approved).hasStatusOk();
		JsonNode transfer = Api.json(county().get("/" + id + "/observations"));
		assertThat(transfer.get("observations")).isEmpty();
		assertThat(transfer.get("notTransferred")).hasSize(ReportWorkflow.MAX_FIGURES);
		assertThat(transfer.get("notTransferred").get(0).get("detail").asString()).endsWith(": 12人次, 13人次");
	}

	@Test
	void refusesATextWithMoreFiguresThanAReportMayHoldAndStoresNothing() {
		String text = "一、工作概况\n" + "门诊诊疗12人次，".repeat(ReportWorkflow.MAX_FIGURES + 1);
		int before = Api.json(county().get("?size=100")).get("content").size();

		MvcTestResult refused = county().create(Fixtures.report("太多数字", "341523", "2023", "ANNUAL_SUMMARY", text));

		assertThat(refused).hasStatus(400);
		assertThat(Api.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(Api.json(refused).get("errors").get(0).get("message").asString())
			.startsWith("The document has 10001 figures; a report may hold at most 10000.");
		assertThat(Api.json(county().get("?size=100")).get("content").size()).isEqualTo(before);
	}

	private String create() {
		return county().createdId(Fixtures.report("舒城县卫健委2024年第一季度工作总结", "341523", "2024Q1",
				"QUARTERLY_SUMMARY", QUARTERLY));
	}

	private Api county() {
		return Api.as(this.mvc, "county-341523");
	}

	private Api city() {
		return Api.as(this.mvc, "city-341500");
	}

	private String status(String id) {
		return Api.json(county().get("/" + id)).get("status").asString();
	}

	private static boolean fromReport(TopicReader.Event event, String id) {
		return event.data().has("source") && event.data().get("source").get("id").asString().equals(id);
	}

	/** Distinct event ids: a consumer applies each id once, however often it is delivered. */
	private static List<String> ids(TopicReader reader, String reportId) {
		return reader.events((event) -> fromReport(event, reportId)).stream().map(TopicReader.Event::id).distinct().toList();
	}

	private static List<String> reportEventTypes(TopicReader reader, String reportId) {
		Map<String, String> types = new LinkedHashMap<>();
		reader.events((event) -> event.data().get("id").asString().equals(reportId))
			.forEach((event) -> types.putIfAbsent(event.id(), event.type()));
		return List.copyOf(types.values());
	}

	private static Map<String, JsonNode> byIndicator(JsonNode observations) {
		Map<String, JsonNode> byIndicator = new LinkedHashMap<>();
		observations.forEach((observation) -> byIndicator.put(observation.get("indicator").asString(), observation));
		return byIndicator;
	}

	private static Map<String, String> reasons(JsonNode transfer) {
		Map<String, String> reasons = new LinkedHashMap<>();
		transfer.get("notTransferred").forEach((figure) -> reasons.put(figure.get("text").asString(), figure.get("reason").asString()));
		return reasons;
	}

	private static void assertValue(JsonNode observation, String value) {
		assertThat(observation.get("value").decimalValue()).isEqualByComparingTo(new BigDecimal(value));
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
