package io.healthstats.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;

/** Reads a topic from its beginning with a consumer group of its own, as a partner system would. */
public final class TopicReader implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<Object, Object> consumer;

	private final List<ConsumerRecord<Object, Object>> records = new ArrayList<>();

	public TopicReader(ConsumerFactory<Object, Object> consumers, String topic) {
		this.consumer = consumers.createConsumer("report-test-" + UUID.randomUUID(), null);
		this.consumer.subscribe(List.of(topic));
	}

	/** Everything read so far whose CloudEvent matches, after one more poll. */
	public List<Event> events(Predicate<Event> filter) {
		this.consumer.poll(Duration.ofMillis(300)).forEach(this.records::add);
		return this.records.stream().map(Event::of).filter(filter).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/** A record as a consumer sees it: key, the CloudEvent, and the raw payload. */
	public record Event(String key, JsonNode cloudEvent, String payload) {

		static Event of(ConsumerRecord<Object, Object> record) {
			String payload = String.valueOf(record.value());
			return new Event(String.valueOf(record.key()), JSON.readTree(payload), payload);
		}

		public String id() {
			return this.cloudEvent.get("id").asString();
		}

		public String type() {
			return this.cloudEvent.get("type").asString();
		}

		public JsonNode data() {
			return this.cloudEvent.get("data");
		}

	}

}
