package io.healthstats.indicator.observation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.healthstats.indicator.rollup.Source;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Observations arriving as CloudEvents on the ingest topic: approved report figures from the
 * report-service and partners' records. An event id already applied is skipped; a record that cannot
 * be applied goes to the dead-letter topic with the reason (see {@link IngestErrorHandling}).
 */
@Component
class IngestListener {

	static final String PROCESSED = "processed_events";

	private final ObservationWriter writer;
	private final JsonMapper json;
	private final MongoTemplate mongo;
	private final IngestMetrics metrics;

	IngestListener(ObservationWriter writer, JsonMapper json, MongoTemplate mongo, IngestMetrics metrics) {
		this.writer = writer;
		this.json = json;
		this.mongo = mongo;
		this.metrics = metrics;
	}

	@KafkaListener(id = "indicator-ingest", topics = "${indicator.topics.ingest}", groupId = "indicator-service-ingest")
	void onEvent(ConsumerRecord<String, String> record) {
		JsonNode event = parse(record.value());
		String id = event.path("id").asString("");
		JsonNode data = event.path("data");
		if (id.isBlank() || !data.isObject()) {
			throw new RejectedIngestException("A CloudEvent with an id and a data object is required.");
		}
		if (this.mongo.getCollection(PROCESSED).find(Filters.eq("_id", id)).first() != null) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		RawRow.FIELDS.forEach(field -> fields.put(field, data.get(field)));
		String region = data.path("region").asString(null);
		BatchResult result = this.writer.write(List.of(RawRow.of(fields)), region, source(event, data.path("source")));
		if (!result.rejected().isEmpty()) {
			throw new RejectedIngestException(String.join("; ", result.rejected().get(0).errors()));
		}
		this.metrics.ingested(time(event));
		try {
			this.mongo.getCollection(PROCESSED).insertOne(new Document("_id", id).append("type", event.path("type").asString(null)));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	private JsonNode parse(String value) {
		try {
			return this.json.readTree(value == null ? "" : value);
		}
		catch (JacksonException ex) {
			throw new RejectedIngestException("The record is not a JSON CloudEvent.");
		}
	}

	/** The event's CloudEvent {@code time}, when it has a readable one. */
	private static Instant time(JsonNode event) {
		try {
			return Instant.parse(event.path("time").asString(""));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Source source(JsonNode event, JsonNode source) {
		if (!source.isObject()) {
			return new Source("INGEST", event.path("source").asString("unknown"), null, null, null);
		}
		return new Source(source.path("type").asString("INGEST"), source.path("id").asString(null),
				source.path("text").asString(null), source.has("start") ? source.get("start").asInt() : null,
				source.has("end") ? source.get("end").asInt() : null);
	}

	/** A record that can never be applied: retrying will not help. */
	static class RejectedIngestException extends RuntimeException {

		RejectedIngestException(String reason) {
			super(reason);
		}

	}

}
