package io.healthstats.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The custom metrics the operator's dashboard and alerts use (README "Operate"): rows written by source
 * and outcome, ingest lag, dead letters by reason, and the outbox backlog.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class OperationsMetricsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	IndicatorTopics topics;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MongoTemplate mongo;

	@Test
	void countsWrittenRowsBySourceAndOutcome() {
		IndicatorApi api = new IndicatorApi(this.mvc, this.json);
		String body = batch(row("PUBLIC_HEALTH_EMERGENCIES", "341504", "201803", 2),
				row("PUBLIC_HEALTH_EMERGENCIES", "341504", "2018Q5", 1));
		double created = rows("created");
		double unchanged = rows("unchanged");
		double rejected = rows("rejected");

		assertThat(api.post("county-341504", body)).hasStatusOk();
		assertThat(rows("created") - created).isEqualTo(1);
		assertThat(rows("rejected") - rejected).isEqualTo(1);

		assertThat(api.post("county-341504", body)).hasStatusOk(); // the same batch again changes nothing
		assertThat(rows("created") - created).isEqualTo(1);
		assertThat(rows("unchanged") - unchanged).isEqualTo(1);
		assertThat(rows("rejected") - rejected).isEqualTo(2);
	}

	@Test
	void measuresHowLongAnIngestEventTookToReachTheStatistics() throws Exception {
		long before = this.meters.get("indicator.ingest.lag").timer().count();
		String event = "{\"specversion\":\"1.0\",\"id\":\"partner:" + UUID.randomUUID() + "\",\"source\":\"/partner\","
				+ "\"type\":\"io.healthstats.observation.submitted\",\"subject\":\"341522\",\"time\":\""
				+ Instant.now().minusSeconds(5) + "\",\"data\":{\"indicator\":\"CHILDCARE_SLOTS\",\"region\":\"341522\","
				+ "\"period\":\"2018\",\"value\":" + (100 + (int) (Math.random() * 1000)) + "}}";
		this.kafka.send(this.topics.ingest(), "341522", event).get();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.meters.get("indicator.ingest.lag").timer().count()).isEqualTo(before + 1));
		// sent five seconds after its event time, so at least that far behind
		assertThat(this.meters.get("indicator.ingest.lag").timer().max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(5);
	}

	@Test
	void countsDeadLettersByReason() throws Exception {
		double rejected = deadLetters("rejected");
		double failed = deadLetters("failed");
		this.kafka.send(this.topics.ingest(), "341522", "this is not a CloudEvent").get();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters("rejected") - rejected).isEqualTo(1));
		assertThat(deadLetters("failed")).isEqualTo(failed);
	}

	@Test
	void reportsTheOutboxBacklogAndItsAge() {
		String id = "ops-metrics-" + UUID.randomUUID();
		// an entry whose writer is still busy (not applied, younger than the 30 s recovery grace period)
		this.mongo.getCollection("outbox")
			.insertOne(new Document("_id", id).append("intent", new Document("writes", List.of()))
				.append("applied", false)
				.append("createdAt", Date.from(Instant.now().minusSeconds(10))));
		try {
			assertThat(gauge("indicator.outbox.pending")).isGreaterThanOrEqualTo(1);
			assertThat(gauge("indicator.outbox.oldest.age")).isGreaterThanOrEqualTo(10);
		}
		finally {
			this.mongo.getCollection("outbox").deleteOne(new Document("_id", id));
		}
	}

	private double rows(String outcome) {
		return this.meters.get("indicator.observations.rows").tag("source", "CLIENT").tag("outcome", outcome).counter().count();
	}

	private double deadLetters(String reason) {
		return this.meters.get("indicator.ingest.dead.letters").tag("reason", reason).counter().count();
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

}
