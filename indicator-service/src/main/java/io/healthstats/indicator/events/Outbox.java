package io.healthstats.indicator.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox} collection. An entry is written before the data write it describes and holds
 * everything needed to redo it; once the write is applied it also holds the events to publish. Local
 * MongoDB has no transactions, so this order — intent, effect, publish — is what makes a crash at any
 * point recoverable: an entry never applied is re-applied (writes are idempotent), an applied one is
 * published, and consumers drop event ids they have seen.
 */
@Component
public class Outbox {

	static final String COLLECTION = "outbox";

	private final MongoTemplate mongo;

	Outbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @param trace the headers that carry the writer's trace on to the entry's events ({@link EventTraces#current}) */
	public void intend(String id, Document intent, Instant now, Map<String, String> trace) {
		collection().insertOne(new Document("_id", id).append("intent", intent)
			.append("applied", false)
			.append("createdAt", Date.from(now))
			.append("trace", new Document(new LinkedHashMap<String, Object>(trace))));
	}

	/** Marks an entry applied, with its events in the writer's compact form (see {@link OutboxEntries#events}). */
	public void applied(String id, Document events) {
		collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("applied", true), Updates.set("events", events)));
	}

	/** Entries to publish, and entries whose writer died before applying them. */
	List<Document> pending(int limit) {
		List<Document> entries = new ArrayList<>();
		collection().find().limit(limit).into(entries);
		return entries;
	}

	/**
	 * The events of an applied entry. An entry written before events were kept compact holds them
	 * rendered, as a list; it is published as it is.
	 */
	static List<PendingEvent> events(Document entry, OutboxEntries writer) {
		if (entry.get("events") instanceof List<?>) {
			return entry.getList("events", Document.class)
				.stream()
				.map(d -> new PendingEvent(d.getString("topic"), d.getString("key"), d.getString("id"), d.getString("json")))
				.toList();
		}
		return writer.events(entry.get("intent", Document.class), entry.get("events", Document.class));
	}

	static Map<String, String> trace(Document entry) {
		Map<String, String> headers = new LinkedHashMap<>();
		Document trace = entry.get("trace", Document.class);
		if (trace != null) {
			trace.forEach((name, value) -> headers.put(name, String.valueOf(value)));
		}
		return headers;
	}

	void delete(String id) {
		collection().deleteOne(Filters.eq("_id", id));
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
