package io.healthstats.report;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ReportServiceTest
class InfrastructureIntegrationTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Autowired
	ReportTopics topics;

	@Test
	void storesAndReadsBackADocumentThroughTheMongoDriver() {
		this.mongo.getCollection("infrastructure_check").insertOne(new Document("_id", "341523").append("name", "舒城县"));

		Document found = this.mongo.getCollection("infrastructure_check").find(new Document("_id", "341523")).first();

		assertThat(found).isNotNull();
		assertThat(found.getString("name")).isEqualTo("舒城县");
		assertThat(this.mongo.getDb().getName()).isEqualTo("report");
	}

	@Test
	void publishesAndConsumesARecordOnItsOwnTopic() throws Exception {
		String topic = this.topics.reports() + ".check";
		this.kafka.send(topic, "341523", "门诊诊疗人次").get();

		try (Consumer<Object, Object> consumer = this.consumers.createConsumer("infrastructure-check", null)) {
			consumer.subscribe(List.of(topic));
			ConsumerRecord<Object, Object> record = KafkaTestUtils.getSingleRecord(consumer, topic, Duration.ofSeconds(20));
			assertThat(record.key()).isEqualTo("341523");
			assertThat(record.value()).isEqualTo("门诊诊疗人次");
		}
	}

}
