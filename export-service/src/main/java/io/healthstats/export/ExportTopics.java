package io.healthstats.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka topics this service owns or writes to.
 * @param exports export events (published)
 */
@ConfigurationProperties("export.topics")
public record ExportTopics(String exports) {
}
