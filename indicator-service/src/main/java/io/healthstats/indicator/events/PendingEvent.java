package io.healthstats.indicator.events;

/** A serialized event waiting in the outbox: where it goes and under which key. */
public record PendingEvent(String topic, String key, String id, String json) {
}
