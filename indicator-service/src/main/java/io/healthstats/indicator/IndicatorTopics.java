package io.healthstats.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka topics this service owns or reads.
 * @param observations observation recorded/revised events (published)
 * @param aggregates aggregate changed events (published)
 * @param ingest observations produced by partners and the report-service (consumed)
 * @param deadLetter ingest records that could not be processed, with the reason
 */
@ConfigurationProperties("indicator.topics")
public record IndicatorTopics(String observations, String aggregates, String ingest, String deadLetter) {
}
