package io.healthstats.report.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.document.ReportStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Makes a change of a report together with its events, without a transaction: first the outbox
 * entry under the change's deterministic event id (a second writer of the same change collides
 * here), then the change itself, then the publisher sends the events. If the service dies in between,
 * the publisher finds the entry pending after the restart and finishes the job.
 */
@Component
public class Outbox {

	private final MongoTemplate mongo;
	private final ReportStore reports;
	private final ReportEvents events;
	private final OutboxPublisher publisher;

	Outbox(MongoTemplate mongo, ReportStore reports, ReportEvents events, OutboxPublisher publisher) {
		this.mongo = mongo;
		this.reports = reports;
		this.events = events;
		this.publisher = publisher;
	}

	/**
	 * Records {@code next} with its events, applies it, and has the events sent.
	 * @return the report as it is now
	 * @throws ConcurrentChangeException when another change of the report came first
	 */
	public ReportDocument execute(ReportDocument next) {
		OutboxEntry entry = record(next);
		if (!this.reports.apply(next)) {
			// Free the id for the next attempt; the report never contained this change.
			this.mongo.remove(Query.query(Criteria.where("_id").is(entry.id())), OutboxEntry.class);
			throw conflict(next);
		}
		this.publisher.publishSoon();
		return next;
	}

	/** Writes the outbox entry only. The first step of {@link #execute}; on its own it stands for a crash right after. */
	OutboxEntry record(ReportDocument next) {
		List<OutboxMessage> messages = this.events.of(next);
		OutboxEntry entry = new OutboxEntry(next.lastChange().eventId(), next.id(), next.seq(), next, messages,
				OutboxEntry.Status.PENDING, Instant.now().truncatedTo(ChronoUnit.MILLIS), null, 0);
		try {
			this.mongo.insert(entry);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(next);
		}
		return entry;
	}

	private static ConcurrentChangeException conflict(ReportDocument next) {
		return new ConcurrentChangeException("Report " + next.id()
				+ " was changed by another request at the same time; read it again and retry.");
	}

}
