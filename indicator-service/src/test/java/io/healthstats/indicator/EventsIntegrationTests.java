package io.healthstats.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events through the real broker: published from the outbox, consumed idempotently, dead-lettered with a reason. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class EventsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Autowired
	IndicatorTopics topics;

	@Autowired
	MongoTemplate mongo;

	@Test
	void publishesObservationRecordedAndAggregateChangedAsCloudEvents() {
		IndicatorApi api = new IndicatorApi(this.mvc, this.json);
		assertThat(api.post("county-341525", batch(row("PUBLIC_HEALTH_EMERGENCIES", "341525", "202407", 3)))).hasStatusOk();

		List<JsonNode> observed = read(this.topics.observations(), e -> e.path("subject").asString("").equals("341525")
				&& e.path("data").path("indicator").asString("").equals("PUBLIC_HEALTH_EMERGENCIES"));
		assertThat(observed).anySatisfy(e -> {
			assertThat(e.get("specversion").asString()).isEqualTo("1.0");
			assertThat(e.get("type").asString()).isEqualTo("io.healthstats.observation.recorded");
			assertThat(e.get("data").get("period").asString()).isEqualTo("202407");
		});
		List<JsonNode> aggregates = read(this.topics.aggregates(), e -> e.path("subject").asString("").equals("341500")
				&& e.path("data").path("indicator").asString("").equals("PUBLIC_HEALTH_EMERGENCIES"));
		assertThat(aggregates).anySatisfy(e -> assertThat(e.get("data").get("period").asString()).isEqualTo("2024"));
	}

	@Test
	void appliesAnIngestedEventOnceAndDeadLettersWhatCannotBeApplied() throws Exception {
		String id = "report:" + UUID.randomUUID() + ":v1:120";
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/report-service\","
				+ "\"type\":\"io.healthstats.observation.submitted\",\"subject\":\"341524\",\"data\":{\"indicator\":\"CHILDCARE_SLOTS\","
				+ "\"region\":\"341524\",\"period\":\"2023\",\"value\":120,\"source\":{\"type\":\"REPORT\",\"id\":\"r-1\",\"text\":\"备案托位120个\",\"start\":120,\"end\":128}}}";
		this.kafka.send(this.topics.ingest(), "341524", event).get();
		this.kafka.send(this.topics.ingest(), "341524", event).get();
		this.kafka.send(this.topics.ingest(), "341524", "{\"id\":\"broken-1\",\"data\":{\"indicator\":\"CHILDCARE_SLOTS\",\"region\":\"341524\",\"period\":\"2023Q9\",\"value\":1}}").get();

		IndicatorApi api = new IndicatorApi(this.mvc, this.json);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode stored = api.getJson("county-341524", "/api/v1/observations?indicator=CHILDCARE_SLOTS&region=341524&period=2023&history=true");
			assertThat(stored).hasSize(1);
			assertThat(stored.get(0).get("source").get("type").asString()).isEqualTo("REPORT");
			assertThat(stored.get(0).get("source").get("text").asString()).isEqualTo("备案托位120个");
		});
		try (Consumer<Object, Object> consumer = this.consumers.createConsumer("dlt-check-" + UUID.randomUUID(), null)) {
			consumer.subscribe(List.of(this.topics.deadLetter()));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				var records = consumer.poll(Duration.ofMillis(500));
				assertThat(records).anySatisfy(r -> {
					assertThat(String.valueOf(r.value())).contains("broken-1");
					assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value())).contains("2023Q9");
				});
			});
		}
		JsonNode history = api.getJson("county-341524", "/api/v1/observations?indicator=CHILDCARE_SLOTS&region=341524&period=2023&history=true");
		assertThat(history.get(0).get("history")).hasSize(1); // the second delivery changed nothing
	}

	@Test
	void appliesAndPublishesAnEntryWhoseWriterDiedBeforeApplyingIt() {
		// what a writer leaves when it dies right after recording its intent: nothing applied, no events
		leaveUnappliedEntry("341522", "199911", "1287");

		List<JsonNode> observed = read(this.topics.observations(),
				e -> e.path("id").asString("").equals("observation:BIRTHS|341522|199911:1"));
		assertThat(observed.get(0).get("type").asString()).isEqualTo("io.healthstats.observation.recorded");
		assertThat(observed.get(0).get("data").get("value").decimalValue()).isEqualByComparingTo("1287");
		assertThat(observed.get(0).get("data").get("source").get("id").asString()).isEqualTo("county-341522");
		List<JsonNode> quarter = read(this.topics.aggregates(),
				e -> e.path("id").asString("").startsWith("aggregate:BIRTHS|341522|1999Q4:"));
		assertThat(quarter.get(0).get("data").get("value").decimalValue()).isEqualByComparingTo("1287");
		assertThat(quarter.get(0).get("data").get("contributors").asInt()).isEqualTo(1);
		IndicatorApi api = new IndicatorApi(this.mvc, this.json);
		JsonNode stored = api.getJson("county-341522", "/api/v1/observations?indicator=BIRTHS&region=341522&period=199911");
		assertThat(stored.get(0).get("value").decimalValue()).isEqualByComparingTo("1287");
	}

	@Test
	void announcesAgainWhatAWriterHadStoredBeforeItDied() {
		IndicatorApi api = new IndicatorApi(this.mvc, this.json);
		assertThat(api.post("county-341502", batch(row("BIRTHS", "341502", "199812", 77)))).hasStatusOk();
		// the same write, as an entry its writer left unapplied after storing the cells (it died in between)
		leaveUnappliedEntry("341502", "199812", "77");

		// once from the write, once more from the recovery: the same ids, which consumers skip the second time
		List<JsonNode> observed = read(this.topics.observations(), 2,
				e -> e.path("id").asString("").equals("observation:BIRTHS|341502|199812:1"));
		assertThat(observed).hasSize(2);
		List<JsonNode> year = read(this.topics.aggregates(), 2, e -> e.path("id").asString("").startsWith("aggregate:BIRTHS|341500|1998:"));
		assertThat(year).extracting(e -> e.get("id").asString()).containsOnly(year.get(0).get("id").asString());
		assertThat(year.get(1).get("data").get("value").decimalValue()).isEqualByComparingTo("77");
	}

	/**
	 * An outbox entry as a writer leaves it when it dies before marking it applied: the intent to write one
	 * county's BIRTHS for {@code period}, recorded a minute ago (past the recovery's grace period).
	 */
	private void leaveUnappliedEntry(String county, String period, String value) {
		Document write = new Document("indicator", "BIRTHS").append("region", county)
			.append("period", period)
			.append("value", value)
			.append("flagged", false)
			.append("source", new Document("type", "CLIENT").append("id", "county-" + county));
		this.mongo.getCollection("outbox")
			.insertOne(new Document("_id", "died-" + UUID.randomUUID()).append("intent", new Document("writes", List.of(write)))
				.append("applied", false)
				.append("createdAt", Date.from(Instant.now().minusSeconds(60))));
	}

	private List<JsonNode> read(String topic, java.util.function.Predicate<JsonNode> wanted) {
		return read(topic, 1, wanted);
	}

	/** The events of {@code topic} that {@code wanted} accepts, once there are at least {@code count}. */
	private List<JsonNode> read(String topic, int count, java.util.function.Predicate<JsonNode> wanted) {
		List<JsonNode> found = new ArrayList<>();
		try (Consumer<Object, Object> consumer = this.consumers.createConsumer("events-check-" + UUID.randomUUID(), null)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode event = this.json.readTree(String.valueOf(record.value()));
					if (wanted.test(event)) {
						found.add(event);
					}
				}
				return found.size() >= count;
			});
		}
		return found;
	}

}
