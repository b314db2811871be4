package io.healthstats.platform.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events the running platform really publishes, read from its Kafka broker, against
 * docs/asyncapi.yaml: every record on a documented topic is a documented CloudEvent type whose
 * envelope and data have exactly the documented fields and, when a service sent it, a W3C
 * {@code traceparent} header; a record the indicator-service cannot apply lands on the dead-letter
 * topic with its reason.
 */
class EventContractIT {

	private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

	private final RunningPlatform platform = RunningPlatform.shared();

	private final Map<String, Object> document = loadDocument();

	@Test
	@SuppressWarnings("unchecked")
	void everyPublishedEventMatchesTheEventContract() throws Exception {
		String marker = "contract-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		int value = 100 + (int) (Math.random() * 900);
		try (KafkaProducer<String, String> producer = producer()) {
			// a partner's observation (stored, so observation and aggregate events follow) and a broken record
			ProducerRecord<String, String> observation = new ProducerRecord<>("indicator.ingest.v1", "341525", "{\"specversion\":\"1.0\",\"id\":\"" + marker
					+ "\",\"source\":\"/contract-test\",\"type\":\"io.healthstats.observation.submitted\",\"subject\":\"341525\","
					+ "\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":{\"indicator\":"
					+ "\"PUBLIC_HEALTH_EMERGENCIES\",\"region\":\"341525\",\"period\":\"201901\",\"value\":" + value + "}}");
			// the partner's trace, which the events the record causes must join
			observation.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
			producer.send(observation).get();
			producer.send(new ProducerRecord<>("indicator.ingest.v1", "341525", "not a CloudEvent " + marker)).get();
		}
		this.platform.send("county-341523", this.platform.post("/api/v1/exports", "application/json",
				"{\"format\":\"json\",\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"from\":\"2024\",\"to\":\"2024\"}"));

		Map<String, String> channelOf = new HashMap<>();
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) this.document.get("channels");
		channels.forEach((name, channel) -> channelOf.put((String) channel.get("address"), name));
		String observed = "\"region\":\"341525\",\"period\":\"201901\",\"value\":" + value + ",";
		Map<String, List<ConsumerRecord<String, String>>> byTopic = readUntil(channelOf.keySet(), marker, observed);

		assertThat(byTopic.keySet()).as("topics with events")
			.contains("indicator.observations.v1", "indicator.aggregates.v1", "indicator.ingest.v1", "indicator.ingest.v1.dlt",
					"report.reports.v1", "export.exports.v1");
		int checked = 0;
		for (Map.Entry<String, List<ConsumerRecord<String, String>>> topic : byTopic.entrySet()) {
			Map<String, Object> messages = (Map<String, Object>) channels.get(channelOf.get(topic.getKey())).get("messages");
			for (ConsumerRecord<String, String> record : topic.getValue()) {
				if (topic.getKey().endsWith(".dlt")) {
					assertThat(header(record, "kafka_dlt-exception-message")).as("reason of %s", record.value()).isNotBlank();
					assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo("indicator.ingest.v1");
					continue;
				}
				if (topic.getKey().equals("indicator.ingest.v1")
						&& !(record.value().contains("\"source\":\"/report-service\"") || record.value().contains(marker))) {
					continue; // what other tests sent as partners, broken on purpose or not: not ours to judge
				}
				if (record.value().contains("not a CloudEvent")) {
					continue;
				}
				assertThat(record.key()).as("key of %s", record.value()).matches("[0-9]{6}");
				Map<String, Object> event = (Map<String, Object>) RunningPlatform.JSON.readValue(record.value(), Map.class);
				Map<String, Object> message = messageFor(messages, (String) event.get("type"));
				assertThat(message).as("%s is documented on %s", event.get("type"), topic.getKey()).isNotNull();
				if (String.valueOf(event.get("source")).matches("/(indicator|report|export)-service")) {
					// the producer's trace rides along to every consumer
					assertThat(header(record, "traceparent")).as("traceparent of %s", record.value())
						.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
				}
				List<String> problems = new ArrayList<>();
				check(message.get("payload"), event, "$", problems);
				assertThat(problems).as("%s %s", topic.getKey(), record.value()).isEmpty();
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(10);
		// published from the outbox after the partner's record was applied, still in the partner's trace
		assertThat(byTopic.get("indicator.observations.v1")).filteredOn(r -> r.value().contains(observed))
			.isNotEmpty()
			.allSatisfy(r -> assertThat(header(r, "traceparent")).startsWith("00-" + traceId + "-"));
		assertThat(byTopic.get("indicator.ingest.v1.dlt")).anySatisfy(r -> {
			assertThat(r.value()).contains(marker);
			assertThat(header(r, "kafka_dlt-exception-message")).endsWith("The record is not a JSON CloudEvent.");
		});
	}

	private Map<String, List<ConsumerRecord<String, String>>> readUntil(Set<String> topics, String marker, String observed) {
		Map<String, List<ConsumerRecord<String, String>>> byTopic = new LinkedHashMap<>();
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "event-contract-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			boolean deadLettered = false;
			boolean exported = false;
			boolean published = false;
			while (System.nanoTime() < deadline && !(deadLettered && exported && published)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
					deadLettered |= record.topic().endsWith(".dlt") && record.value().contains(marker);
					exported |= record.topic().equals("export.exports.v1");
					published |= record.topic().equals("indicator.observations.v1") && record.value().contains(observed);
				}
			}
		}
		return byTopic;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> messageFor(Map<String, Object> messages, String type) {
		return messages.values().stream().map(m -> (Map<String, Object>) m).map(EventContractIT::follow)
			.filter(m -> type != null && type.equals(m.get("name"))).findFirst().orElse(null);
	}

	/** JSON Schema as the contract uses it: $ref, allOf, type (also with null), required, additionalProperties, const, enum. */
	@SuppressWarnings("unchecked")
	private void check(Object node, Object value, String path, List<String> problems) {
		Map<String, Object> schema = follow((Map<String, Object>) node);
		for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
			check(part, value, path, problems);
		}
		Object type = schema.get("type");
		if (type != null && !(type instanceof List<?> types ? types.stream().anyMatch(t -> is(t, value)) : is(type, value))) {
			problems.add(path + ": " + value + " is not " + type);
			return;
		}
		if (schema.containsKey("const") && !String.valueOf(schema.get("const")).equals(String.valueOf(value))) {
			problems.add(path + ": " + value + " is not " + schema.get("const"));
		}
		if (schema.containsKey("enum") && value != null && !((List<Object>) schema.get("enum")).contains(value)) {
			problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
		}
		if (value instanceof Map<?, ?> object) {
			Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
			for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
				if (!object.containsKey(required)) {
					problems.add(path + ": " + required + " is missing");
				}
			}
			object.forEach((key, child) -> {
				if (properties.containsKey(key)) {
					check(properties.get(key), child, path + "." + key, problems);
				}
				else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
					problems.add(path + ": " + key + " is not documented");
				}
			});
		}
	}

	private static boolean is(Object type, Object value) {
		return switch (String.valueOf(type)) {
			case "null" -> value == null;
			case "string" -> value instanceof String;
			case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
			case "number" -> value instanceof Number;
			case "boolean" -> value instanceof Boolean;
			case "object" -> value instanceof Map;
			case "array" -> value instanceof List;
			default -> false;
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> follow(Map<String, Object> node) {
		Map<String, Object> current = node;
		while (current.containsKey("$ref")) {
			Object target = DOCUMENT;
			for (String key : ((String) current.get("$ref")).substring(2).split("/")) {
				target = ((Map<String, Object>) target).get(key);
			}
			current = (Map<String, Object>) target;
		}
		return current;
	}

	private static Map<String, Object> DOCUMENT;

	private static synchronized Map<String, Object> loadDocument() {
		if (DOCUMENT == null) {
			try {
				DOCUMENT = new Yaml().load(Files.readString(REPOSITORY.resolve("docs/asyncapi.yaml")));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return DOCUMENT;
	}

	private KafkaProducer<String, String> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	/** The platform's broker: every port moves by the same offset as the gateway's. */
	private String kafka() {
		return "localhost:" + (9092 + this.platform.gateway().getPort() - 8080);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
