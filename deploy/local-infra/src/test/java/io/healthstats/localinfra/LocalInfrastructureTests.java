package io.healthstats.localinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalInfrastructureTests {

	@TempDir
	Path data;

	@Test
	void kafkaKeepsRecordsAcrossRestart() throws Exception {
		try (LocalKafka kafka = LocalKafka.start(this.data.resolve("kafka"), 0)) {
			send(kafka.bootstrapServers(), "341523", "first");
		}
		try (LocalKafka kafka = LocalKafka.start(this.data.resolve("kafka"), 0)) {
			assertThat(readAll(kafka.bootstrapServers())).containsExactly("341523=first");
		}
	}

	@Test
	void mongoOnDiskKeepsDocumentsAcrossRestart() {
		Path file = this.data.resolve("mongo/local.mv.db");
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("indicator").getCollection("regions").insertOne(new Document("_id", "341523").append("name", "舒城县"));
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document found = client.getDatabase("indicator").getCollection("regions").find(new Document("_id", "341523")).first();
			assertThat(found).isNotNull();
			assertThat(found.getString("name")).isEqualTo("舒城县");
		}
	}

	@Test
	void answersHelloLikeMongoDbFiveSoHealthChecksPass() {
		for (LocalMongo mongo : new LocalMongo[] { LocalMongo.inMemory(), LocalMongo.onDisk(this.data.resolve("hello/h.mv.db"), 0) }) {
			try (mongo; MongoClient client = MongoClients.create(mongo.connectionString())) {
				client.getDatabase("indicator").getCollection("c").insertOne(new Document("_id", 1));
				Document hello = client.getDatabase("indicator").runCommand(new Document("hello", 1));
				assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
				assertThat(hello.getInteger("maxWireVersion")).isNotNull();
			}
		}
	}

	private static void send(String bootstrap, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("restart-check", key, value)).get();
		}
	}

	private static List<String> readAll(String bootstrap) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("restart-check"));
			long deadline = System.currentTimeMillis() + 20_000;
			while (System.currentTimeMillis() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				if (!records.isEmpty()) {
					return java.util.stream.StreamSupport.stream(records.spliterator(), false)
						.map(r -> r.key() + "=" + r.value())
						.toList();
				}
			}
			return List.of();
		}
	}

}
