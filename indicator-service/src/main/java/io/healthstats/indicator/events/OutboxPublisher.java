package io.healthstats.indicator.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds and removes an entry once Kafka acknowledged all of its events.
 * Entries left unapplied by a writer that died are handed back to the writer after a grace period.
 */
@Component
class OutboxPublisher {

	private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

	private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

	private final Outbox outbox;
	private final KafkaTemplate<String, String> kafka;
	private final OutboxEntries writer;

	/**
	 * Sends with a template of its own, without observations. The events of a batch leave from this
	 * scheduler's thread, where no request's trace is left to carry on, and the observation (with its
	 * tracing span) opened for every record was three quarters of this service's cost of sending one.
	 */
	@Autowired
	OutboxPublisher(Outbox outbox, ProducerFactory<String, String> producers, OutboxEntries writer) {
		this(outbox, new KafkaTemplate<>(producers), writer);
	}

	OutboxPublisher(Outbox outbox, KafkaTemplate<String, String> kafka, OutboxEntries writer) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.writer = writer;
	}

	@Scheduled(fixedDelayString = "${indicator.outbox.interval:200ms}")
	void publishPending() {
		for (Document entry : this.outbox.pending(200)) {
			String id = entry.getString("_id");
			try {
				if (!Boolean.TRUE.equals(entry.getBoolean("applied"))) {
					if (entry.getDate("createdAt").toInstant().plus(ABANDONED_AFTER).isBefore(Instant.now())) {
						this.writer.reapply(id, entry.get("intent", Document.class));
					}
					continue;
				}
				publish(Outbox.events(entry, this.writer));
				this.outbox.delete(id);
			}
			catch (Exception ex) {
				log.warn("Outbox entry {} not published yet, will retry: {}", id, ex.toString());
				return;
			}
		}
	}

	private void publish(List<PendingEvent> events) throws Exception {
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (PendingEvent event : events) {
			ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.json());
			record.headers().add("content-type", "application/cloudevents+json".getBytes());
			record.headers().add("ce_id", event.id().getBytes());
			sends.add(this.kafka.send(record));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
	}

}
