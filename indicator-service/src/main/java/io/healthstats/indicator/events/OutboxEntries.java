package io.healthstats.indicator.events;

import java.util.List;

import org.bson.Document;

/** What the outbox needs from the writer whose entries it keeps. */
public interface OutboxEntries {

	/** Redoes the write an abandoned entry's intent describes; must be idempotent. */
	void reapply(String entryId, Document intent);

	/** The events of an applied entry, from its intent and what {@link Outbox#applied} kept of them. */
	List<PendingEvent> events(Document intent, Document events);

}
