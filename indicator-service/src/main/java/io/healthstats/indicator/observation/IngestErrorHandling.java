package io.healthstats.indicator.observation;

import io.healthstats.indicator.IndicatorTopics;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failed ingest records go to the dead-letter topic with the exception class and message in the
 * record headers ({@code kafka_dlt-exception-message}); consumption goes on. Transient failures
 * are retried a few times first; rejected records are not.
 */
@Configuration(proxyBeanMethods = false)
class IngestErrorHandling {

	@Bean
	DefaultErrorHandler ingestErrorHandler(KafkaOperations<Object, Object> kafka, IndicatorTopics topics,
			IngestMetrics metrics) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(topics.deadLetter(), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			metrics.deadLettered(ex);
			recoverer.accept(record, ex);
		}, new FixedBackOff(1000, 3));
		handler.addNotRetryableExceptions(IngestListener.RejectedIngestException.class);
		return handler;
	}

}
