package io.healthstats.report.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.healthstats.report.Api;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import io.healthstats.report.ReportTopics;
import io.healthstats.report.TopicReader;
import io.healthstats.report.document.ReportContent;
import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.document.ReportKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ReportServiceTest
class OutboxIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Autowired
	ReportTopics topics;

	@Test
	void finishesAChangeThatACrashLeftInTheOutbox() {
		String id = UUID.randomUUID().toString();
		ReportDocument report = ReportDocument.created(id, "341523",
				new ReportContent("舒城县卫健委2024年3月工作月报", "202403", ReportKind.MONTHLY_REPORT, "一、本月工作\n全县出生婴儿402人。"),
				1, 0, "county-341523", "341523", Instant.now().truncatedTo(ChronoUnit.MILLIS));

		// The service died right after writing the outbox entry: the report itself was never stored.
		this.outbox.record(report);

		try (TopicReader reports = new TopicReader(this.consumers, this.topics.reports())) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(reports.events((event) -> event.data().get("id").asString().equals(id)))
					.extracting(TopicReader.Event::type)
					.contains("io.healthstats.report.created"));
		}
		assertThat(Api.as(this.mvc, "county-341523").get("/" + id)).hasStatusOk();
		assertThat(Api.json(Api.as(this.mvc, "county-341523").get("/" + id + "/versions/1")).get("text").asString())
			.isEqualTo("一、本月工作\n全县出生婴儿402人。");
	}

	@Test
	void aSecondWriterOfTheSameChangeLosesAndLeavesNoTrace() {
		String id = Api.as(this.mvc, "county-341523")
			.createdId(Fixtures.report("月报", "341523", "202402", "MONTHLY_REPORT", "全县出生婴儿388人。"));
		ReportDocument stored = this.mongo.findById(id, ReportDocument.class);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ReportDocument mine = stored.edited(new ReportContent("月报(甲)", "202402", ReportKind.MONTHLY_REPORT, "甲"), 0, 0,
				"county-341523", "341523", now);
		ReportDocument theirs = stored.edited(new ReportContent("月报(乙)", "202402", ReportKind.MONTHLY_REPORT, "乙"), 0, 0,
				"city-341500", "341500", now);

		this.outbox.execute(mine);

		assertThatExceptionOfType(ConcurrentChangeException.class)
			.isThrownBy(() -> this.outbox.execute(theirs));
		assertThat(this.mongo.findById(id, ReportDocument.class).title()).isEqualTo("月报(甲)");
	}

	@Test
	void replayingAnApprovalResendsTheSameEventsUnderTheSameIds() {
		Api county = Api.as(this.mvc, "county-341523");
		String id = county.createdId(Fixtures.report("舒城县卫健委2024年第一季度工作总结", "341523", "2024Q1", "QUARTERLY_SUMMARY",
				Fixtures.text(Fixtures.SHUCHENG_2024Q1)));
		county.step(id, "submit", null);
		Api.as(this.mvc, "city-341500").step(id, "approve", null);
		JsonNode history = Api.json(county.get("/" + id + "/history"));
		String approvalEvent = history.get(history.size() - 1).get("eventId").asString();
		int expected = Api.json(county.get("/" + id + "/observations")).get("observations").size();

		try (TopicReader ingest = new TopicReader(this.consumers, this.topics.observations())) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records(ingest, id)).hasSize(expected));
			Map<String, String> first = payloads(ingest, id);

			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(approvalEvent)),
					Update.update("status", OutboxEntry.Status.PENDING), OutboxEntry.class);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records(ingest, id)).hasSize(2 * expected));
			List<TopicReader.Event> all = records(ingest, id);
			assertThat(all.stream().map(TopicReader.Event::id).distinct()).hasSize(expected);
			all.forEach((event) -> assertThat(event.payload()).isEqualTo(first.get(event.id())));
		}
		assertThat(Api.json(county.get("/" + id)).get("status").asString()).isEqualTo("APPROVED");
	}

	private static List<TopicReader.Event> records(TopicReader reader, String reportId) {
		return reader.events((event) -> event.data().get("source").get("id").asString().equals(reportId));
	}

	private static Map<String, String> payloads(TopicReader reader, String reportId) {
		return records(reader, reportId).stream()
			.collect(Collectors.toMap(TopicReader.Event::id, TopicReader.Event::payload, (a, b) -> a));
	}

}
