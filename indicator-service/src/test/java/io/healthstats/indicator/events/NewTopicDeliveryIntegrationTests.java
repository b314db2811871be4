package io.healthstats.indicator.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event sent while its topic is being created is acknowledged. On a fresh platform the
 * service's first outbox run creates {@code indicator.aggregates.v1} (the broker auto-creates it on
 * the producer's metadata request) and sends several batches per partition at once; with more than
 * one of them in flight, a batch refused while the broker was still creating the partition could
 * never be written after a later one had been (OUT_OF_ORDER_SEQUENCE_NUMBER until it expired).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class NewTopicDeliveryIntegrationTests {

	private static final int TOPICS = 20;

	private static final int EVENTS_PER_TOPIC = 300;

	@Autowired
	ProducerFactory<?, ?> producers;

	@Test
	void acknowledgesEveryEventSentToATopicTheSendCreates() throws Exception {
		Map<String, Object> config = new HashMap<>(this.producers.getConfigurationProperties());
		// The service's own producer settings, changed only where the outcome does not depend on it. A
		// short metadata back-off makes the producer learn the new partitions' leader while the broker
		// is still creating their logs (what a busy machine does by chance), so without the fix the
		// first or second topic already loses events. A record stuck out of order would be retried
		// until delivery.timeout.ms (2 min); failing it sooner only keeps a broken build short.
		config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
		config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 100);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "new-topic-delivery-" + UUID.randomUUID());

		String payload = "{\"specversion\":\"1.0\",\"type\":\"io.healthstats.aggregate.changed\",\"data\":\""
				+ "x".repeat(700) + "\"}";
		Map<String, Integer> unacknowledged = new HashMap<>();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			for (int t = 0; t < TOPICS && unacknowledged.isEmpty(); t++) {
				String topic = "new-topic-delivery-" + UUID.randomUUID();
				List<Future<RecordMetadata>> sends = new ArrayList<>();
				for (int i = 0; i < EVENTS_PER_TOPIC; i++) {
					// region codes as keys spread the events over all three partitions, as the outbox's do
					sends.add(producer.send(new ProducerRecord<>(topic, String.valueOf(341500 + i % 31), payload)));
				}
				for (Future<RecordMetadata> send : sends) {
					try {
						send.get();
					}
					catch (ExecutionException ex) {
						unacknowledged.merge(topic + ": " + ex.getCause().getClass().getSimpleName(), 1, Integer::sum);
					}
				}
			}
		}
		assertThat(unacknowledged).as("events never acknowledged, by topic and error").isEmpty();
	}

}
