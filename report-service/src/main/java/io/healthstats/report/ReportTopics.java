package io.healthstats.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka topics this service owns or writes to.
 * @param reports report events (published)
 * @param observations the indicator-service's ingest topic, where approved figures go
 */
@ConfigurationProperties("report.topics")
public record ReportTopics(String reports, String observations) {
}
