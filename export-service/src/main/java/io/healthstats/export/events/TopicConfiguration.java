package io.healthstats.export.events;

import io.healthstats.export.ExportTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The exports topic, with partitions enough for several workers to run jobs at the same time. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic exportsTopic(ExportTopics topics) {
		return TopicBuilder.name(topics.exports()).partitions(3).build();
	}

}
