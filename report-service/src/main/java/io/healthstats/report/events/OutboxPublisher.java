package io.healthstats.report.events;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.healthstats.report.document.ReportStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Sends pending outbox entries to Kafka, oldest first: right after a change (so events leave
 * within milliseconds) and on a schedule (to finish what a crash or a Kafka outage left behind).
 * Sending an entry twice is harmless: its events keep their ids, and consumers skip ids they know.
 */
@Component
class OutboxPublisher {

	private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

	private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

	private final MongoTemplate mongo;
	private final ReportStore reports;
	private final KafkaTemplate<Object, Object> kafka;
	private final OutboxProperties properties;
	private final Executor executor;
	private final Counter published;
	private final ReentrantLock lock = new ReentrantLock();
	private final AtomicBoolean again = new AtomicBoolean();

	OutboxPublisher(MongoTemplate mongo, ReportStore reports, KafkaTemplate<Object, Object> kafka,
			OutboxProperties properties, @Qualifier("applicationTaskExecutor") Executor executor,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.reports = reports;
		this.kafka = kafka;
		this.properties = properties;
		this.executor = executor;
		this.published = Counter.builder("report.outbox.published")
			.description("Events sent from the report outbox")
			.register(meters);
	}

	/** For the pending query on a real MongoDB; mongo-java-server ignores it and scans. */
	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		this.mongo.indexOps(OutboxEntry.class)
			.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
	}

	/** Starts a round in the background unless one is running; a running round goes once more. */
	void publishSoon() {
		this.executor.execute(this::publishPending);
	}

	@Scheduled(fixedDelayString = "${report.outbox.poll-interval-ms:1000}",
			initialDelayString = "${report.outbox.poll-interval-ms:1000}")
	void publishPending() {
		if (!this.lock.tryLock()) {
			this.again.set(true);
			return;
		}
		try {
			boolean more;
			do {
				this.again.set(false);
				more = publishBatch();
			}
			while ((more || this.again.get()) && !Thread.currentThread().isInterrupted());
		}
		finally {
			this.lock.unlock();
		}
	}

	/** @return whether a full batch went out, so more may be waiting */
	private boolean publishBatch() {
		Query pending = Query.query(Criteria.where("status").is(OutboxEntry.Status.PENDING))
			.with(Sort.by("createdAt", "seq"))
			.limit(this.properties.batchSize());
		List<OutboxEntry> entries = this.mongo.find(pending, OutboxEntry.class);
		for (OutboxEntry entry : entries) {
			if (!publish(entry)) {
				return false;
			}
		}
		return entries.size() == this.properties.batchSize();
	}

	private boolean publish(OutboxEntry entry) {
		if (entry.change() != null && !this.reports.apply(entry.change())) {
			// Another change won the race before this one was applied: it never happened, so nothing to announce.
			log.warn("Dropping outbox entry {}: the report changed before it could be applied", entry.id());
			this.mongo.remove(Query.query(Criteria.where("_id").is(entry.id())), OutboxEntry.class);
			return true;
		}
		try {
			for (OutboxMessage message : entry.messages()) {
				RecordHeaders headers = new RecordHeaders();
				headers.add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(UTF_8)));
				this.kafka
					.send(new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), headers))
					.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				this.published.increment();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Could not publish outbox entry {} (attempt {}), will retry: {}", entry.id(), entry.attempts() + 1,
					ex.toString());
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())), new Update().inc("attempts", 1),
					OutboxEntry.class);
			return false;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())),
				new Update().set("status", OutboxEntry.Status.PUBLISHED).set("publishedAt", Instant.now()).unset("change"),
				OutboxEntry.class);
		return true;
	}

}
