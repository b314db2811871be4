package io.healthstats.report.events;

import io.healthstats.report.ReportTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class EventsConfiguration {

	/** The report topic is ours; the ingest topic belongs to the indicator-service, which creates it. */
	@Bean
	NewTopic reportTopic(ReportTopics topics, OutboxProperties properties) {
		return TopicBuilder.name(topics.reports()).partitions(properties.reportPartitions()).build();
	}

}
