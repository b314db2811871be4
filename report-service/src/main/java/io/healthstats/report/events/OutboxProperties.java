package io.healthstats.report.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox publisher works.
 * @param batchSize entries sent per round
 * @param sendTimeout how long one Kafka send may take before the round stops and retries later
 * @param reportPartitions partitions of the report topic when this service creates it
 */
@ConfigurationProperties("report.outbox")
record OutboxProperties(int batchSize, Duration sendTimeout, int reportPartitions) {

	OutboxProperties {
		batchSize = (batchSize > 0) ? batchSize : 50;
		sendTimeout = (sendTimeout != null) ? sendTimeout : Duration.ofSeconds(10);
		reportPartitions = (reportPartitions > 0) ? reportPartitions : 3;
	}

}
