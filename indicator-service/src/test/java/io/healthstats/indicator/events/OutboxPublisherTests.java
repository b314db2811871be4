package io.healthstats.indicator.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.healthstats.localinfra.EmbeddedInfrastructure;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A send Kafka does not acknowledge leaves the outbox entry in place, and a later run publishes it:
 * an event is late at worst, never dropped, and never overtaken by a later event.
 */
class OutboxPublisherTests {

	private static final String AGGREGATES = "indicator.aggregates.v1";

	private MongoClient client;

	private MongoTemplate mongo;

	private Outbox outbox;

	private final List<String> sent = new ArrayList<>();

	private final List<ProducerRecord<String, String>> records = new ArrayList<>();

	/** Event ids whose next send fails; each fails once. */
	private final Set<String> failNext = new HashSet<>();

	private OutboxPublisher publisher;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongo().connectionString());
		this.mongo = new MongoTemplate(this.client, "outbox-publisher-" + UUID.randomUUID());
		this.outbox = new Outbox(this.mongo);
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(ProducerRecord.class))).willAnswer(invocation -> {
			ProducerRecord<String, String> record = invocation.getArgument(0);
			String id = new String(record.headers().lastHeader("ce_id").value());
			this.sent.add(id);
			this.records.add(record);
			if (!this.failNext.remove(id)) {
				return CompletableFuture.completedFuture(new SendResult<>(record, null));
			}
			if (id.endsWith("thrown")) {
				throw new KafkaException("Topic " + record.topic() + " not present in metadata after 60000 ms.");
			}
			// what the producer reports for a batch stuck out of order until delivery.timeout.ms
			return CompletableFuture.failedFuture(new TimeoutException("Expiring 3 record(s) for " + record.topic()
					+ "-2: 120000 ms has passed since batch creation", new OutOfOrderSequenceException("out of order")));
		});
		this.publisher = new OutboxPublisher(this.outbox, kafka, new OutboxEntries() {

			@Override
			public void reapply(String entryId, Document intent) {
				throw new AssertionError("Every entry of these tests is applied");
			}

			@Override
			public List<PendingEvent> events(Document intent, Document events) {
				return events.getList("ids", String.class).stream().map(OutboxPublisherTests::event).toList();
			}

		}, new EventTraces(Tracer.NOOP, Propagator.NOOP));
	}

	@AfterEach
	void tearDown() {
		this.client.close();
	}

	@Test
	void keepsAnEntryWhoseEventWasNotAcknowledgedAndPublishesItOnTheNextRun() {
		write("write-1", "agg-341500-2024", "agg-341523-2024");
		this.failNext.add("agg-341523-2024");

		this.publisher.publishPending();
		assertThat(pendingIds()).containsExactly("write-1");

		this.publisher.publishPending();
		assertThat(pendingIds()).isEmpty();
		// the whole entry goes again (consumers skip the event id they already have)
		assertThat(this.sent).containsExactly("agg-341500-2024", "agg-341523-2024", "agg-341500-2024", "agg-341523-2024");
	}

	@Test
	void keepsAnEntryWhoseSendThrew() {
		write("write-2", "agg-341524-thrown");
		this.failNext.add("agg-341524-thrown");

		this.publisher.publishPending();
		assertThat(pendingIds()).containsExactly("write-2");

		this.publisher.publishPending();
		assertThat(pendingIds()).isEmpty();
		assertThat(this.sent).containsExactly("agg-341524-thrown", "agg-341524-thrown");
	}

	@Test
	void holdsLaterEntriesBackUntilTheFailedOneIsPublished() {
		write("write-3", "agg-341525-202401");
		write("write-4", "agg-341525-202402");
		this.failNext.add("agg-341525-202401");

		this.publisher.publishPending();
		assertThat(this.sent).containsExactly("agg-341525-202401");
		assertThat(pendingIds()).containsExactly("write-3", "write-4");

		this.publisher.publishPending();
		assertThat(pendingIds()).isEmpty();
		assertThat(this.sent).containsExactly("agg-341525-202401", "agg-341525-202401", "agg-341525-202402");
	}

	@Test
	void publishesAnEntryWrittenWithItsEventsRenderedByAnEarlierVersion() {
		this.outbox.intend("write-5", new Document("kind", "test"), Instant.now(), Map.of());
		this.mongo.getCollection(Outbox.COLLECTION)
			.updateOne(Filters.eq("_id", "write-5"), Updates.combine(Updates.set("applied", true), Updates.set("events",
					List.of(new Document("topic", AGGREGATES).append("key", "341500").append("id", "agg-341500-2023").append("json", "{}")))));

		this.publisher.publishPending();
		assertThat(pendingIds()).isEmpty();
		assertThat(this.sent).containsExactly("agg-341500-2023");
	}

	@Test
	void sendsEveryEventWithTheTraceOfTheWriteThatRecordedIt() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		this.outbox.intend("write-6", new Document("kind", "test"), Instant.now(),
				Map.of("traceparent", traceparent, "X-Request-Id", "dashboard-7f3a"));
		this.outbox.applied("write-6", new Document("ids", List.of("agg-341500-202401", "agg-341500-2024Q1")));

		this.publisher.publishPending();
		assertThat(this.records).hasSize(2).allSatisfy(record -> {
			assertThat(new String(record.headers().lastHeader("traceparent").value())).isEqualTo(traceparent);
			assertThat(new String(record.headers().lastHeader("X-Request-Id").value())).isEqualTo("dashboard-7f3a");
		});
	}

	private void write(String entryId, String... eventIds) {
		this.outbox.intend(entryId, new Document("kind", "test"), Instant.now(), Map.of());
		this.outbox.applied(entryId, new Document("ids", List.of(eventIds)));
	}

	private static PendingEvent event(String id) {
		return new PendingEvent(AGGREGATES, "341500", id, "{\"id\":\"" + id + "\"}");
	}

	private List<String> pendingIds() {
		return this.outbox.pending(200).stream().map(entry -> entry.getString("_id")).toList();
	}

}
