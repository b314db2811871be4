package io.healthstats.indicator.events;

import org.bson.Document;

/** Redoes the write an abandoned outbox entry describes; must be idempotent. */
public interface OutboxRecovery {

	void reapply(String entryId, Document intent);

}
