package io.healthstats.indicator.events;

import java.util.Date;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the events lag behind the data (README "Operate"), read from the outbox at each scrape:
 * {@code indicator.outbox.pending} (entries not yet published) and {@code indicator.outbox.oldest.age}
 * (seconds since the oldest of them was written; 0 when none). Roll-ups are stored before a write
 * returns, so this is the roll-up lag subscribers of {@code indicator.aggregates.v1} see.
 */
@Component
class OutboxMetrics {

	private final MongoTemplate mongo;

	OutboxMetrics(MongoTemplate mongo, MeterRegistry registry) {
		this.mongo = mongo;
		Gauge.builder("indicator.outbox.pending", this, OutboxMetrics::pending)
			.description("Outbox entries whose events are not yet on Kafka")
			.register(registry);
		Gauge.builder("indicator.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest outbox entry not yet published")
			.baseUnit("seconds")
			.register(registry);
	}

	/** For the oldest-entry lookup on a real MongoDB (mongo-java-server ignores it). */
	@EventListener(ApplicationReadyEvent.class)
	void createIndex() {
		this.mongo.getCollection(Outbox.COLLECTION)
			.createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("createdAt"));
	}

	private double pending() {
		try {
			return this.mongo.getCollection(Outbox.COLLECTION).countDocuments();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private double oldestAgeSeconds() {
		try {
			Document oldest = this.mongo.getCollection(Outbox.COLLECTION)
				.find()
				.sort(Sorts.ascending("createdAt"))
				.limit(1)
				.first();
			Date createdAt = (oldest != null) ? oldest.getDate("createdAt") : null;
			return (createdAt != null) ? Math.max(0, (System.currentTimeMillis() - createdAt.getTime()) / 1000.0) : 0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
