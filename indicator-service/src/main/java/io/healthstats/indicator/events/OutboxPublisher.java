package io.healthstats.indicator.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
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

	private static final Header CONTENT_TYPE = new RecordHeader("content-type",
			"application/cloudevents+json".getBytes(StandardCharsets.UTF_8));

	private final Outbox outbox;
	private final KafkaTemplate<String, String> kafka;
	private final OutboxEntries writer;
	private final EventTraces traces;

	/**
	 * Sends with a template of its own, without an observation per record: that (with its tracing span)
	 * was three quarters of this service's cost of sending an event, and its trace started on this
	 * scheduler's thread, linked to nothing. The events carry the trace of the write that recorded them
	 * instead ({@link EventTraces}).
	 */
	@Autowired
	OutboxPublisher(Outbox outbox, ProducerFactory<String, String> producers, OutboxEntries writer, EventTraces traces) {
		this(outbox, new KafkaTemplate<>(producers), writer, traces);
	}

	OutboxPublisher(Outbox outbox, KafkaTemplate<String, String> kafka, OutboxEntries writer, EventTraces traces) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.writer = writer;
		this.traces = traces;
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
				publish(id, Outbox.events(entry, this.writer), Outbox.trace(entry));
				this.outbox.delete(id);
			}
			catch (Exception ex) {
				log.warn("Outbox entry {} not published yet, will retry: {}", id, ex.toString());
				return;
			}
		}
	}

	private void publish(String entryId, List<PendingEvent> events, Map<String, String> trace) throws Exception {
		Span own = trace.containsKey("traceparent") ? null : this.traces.startSending(entryId);
		// the same for every event of the entry: encoded once, not once per record
		List<Header> shared = new ArrayList<>();
		shared.add(CONTENT_TYPE);
		((own != null) ? this.traces.headersOf(own) : trace)
			.forEach((name, value) -> shared.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
		try {
			List<CompletableFuture<?>> sends = new ArrayList<>();
			for (PendingEvent event : events) {
				ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.json());
				shared.forEach(record.headers()::add);
				record.headers().add("ce_id", event.id().getBytes(StandardCharsets.UTF_8));
				sends.add(this.kafka.send(record));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		finally {
			if (own != null) {
				own.end();
			}
		}
	}

}
