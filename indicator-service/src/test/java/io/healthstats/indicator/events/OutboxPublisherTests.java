package io.healthstats.indicator.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.healthstats.localinfra.EmbeddedInfrastructure;
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

	private Outbox outbox;

	private final List<String> sent = new ArrayList<>();

	/** Event ids whose next send fails; each fails once. */
	private final Set<String> failNext = new HashSet<>();

	private OutboxPublisher publisher;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongo().connectionString());
		this.outbox = new Outbox(new MongoTemplate(this.client, "outbox-publisher-" + UUID.randomUUID()));
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(ProducerRecord.class))).willAnswer(invocation -> {
			ProducerRecord<String, String> record = invocation.getArgument(0);
			String id = new String(record.headers().lastHeader("ce_id").value());
			this.sent.add(id);
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
		this.publisher = new OutboxPublisher(this.outbox, kafka, List.of());
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

	private void write(String entryId, String... eventIds) {
		this.outbox.intend(entryId, new Document("kind", "test"), Instant.now());
		List<PendingEvent> events = new ArrayList<>();
		for (String eventId : eventIds) {
			events.add(new PendingEvent(AGGREGATES, "341500", eventId, "{\"id\":\"" + eventId + "\"}"));
		}
		this.outbox.applied(entryId, events);
	}

	private List<String> pendingIds() {
		return this.outbox.pending(200).stream().map(entry -> entry.getString("_id")).toList();
	}

}
