package io.healthstats.export.job;

/**
 * An event waiting in its job's document to be sent: written in the same update as the state change it
 * announces, so the two can never disagree.
 * @param key the record key: the exported region, so one region's events stay in order
 * @param json the serialized CloudEvent
 */
public record PendingEvent(String id, String type, String key, String json) {
}
