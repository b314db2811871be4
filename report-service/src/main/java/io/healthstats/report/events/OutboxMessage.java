package io.healthstats.report.events;

/**
 * One Kafka record an outbox entry sends, serialized once when the change is made so that every
 * (re)send carries exactly the same bytes.
 * @param id the CloudEvent id
 * @param topic where it goes
 * @param key the record key (a region code, so one region's events stay in order)
 * @param type the CloudEvent type
 * @param payload the CloudEvent as JSON
 */
record OutboxMessage(String id, String topic, String key, String type, String payload) {
}
