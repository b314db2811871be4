package io.healthstats.indicator.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.healthstats.indicator.IndicatorTopics;
import io.healthstats.indicator.events.CloudEvent;
import io.healthstats.indicator.events.PendingEvent;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.Figures;
import io.healthstats.indicator.rollup.Rollup.Applied;
import io.healthstats.indicator.rollup.Rollup.Change;
import io.healthstats.indicator.rollup.Rollup.Write;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The events of an applied batch: {@code observation recorded/revised} for each write that became a
 * revision, {@code aggregate changed} for each cell whose effective value changed. An outbox entry keeps
 * them compact — the index of each write in the entry's intent with its revision, and each changed
 * cell's key, version and figures — and they are rendered as CloudEvents when published. Rendered JSON
 * in the entry was two thirds of the bytes an ingest batch wrote to the store, written, read back and
 * deleted again for every batch.
 */
@Component
class ObservationEvents {

	private final IndicatorTopics topics;

	private final JsonMapper json;

	ObservationEvents(IndicatorTopics topics, JsonMapper json) {
		this.topics = topics;
		this.json = json;
	}

	/**
	 * @param writes the writes of the entry's intent, in its order ({@code applied} holds some of these instances)
	 */
	Document compact(List<Write> writes, List<Applied> applied, List<Change> changes, Instant now) {
		Map<Write, Integer> index = new IdentityHashMap<>();
		for (int i = 0; i < writes.size(); i++) {
			index.put(writes.get(i), i);
		}
		List<Integer> observed = new ArrayList<>(applied.size());
		List<Integer> revisions = new ArrayList<>(applied.size());
		for (Applied a : applied) {
			observed.add(index.get(a.write()));
			revisions.add(a.revision());
		}
		List<List<Object>> aggregates = new ArrayList<>(changes.size());
		for (Change c : changes) {
			Figures f = c.figures();
			aggregates.add(Arrays.asList(Cell.key(c.indicator(), c.region(), c.period()), c.version(), text(f.value()),
					text(f.numerator()), text(f.denominator()), f.contributors()));
		}
		return new Document("time", now.toString()).append("observed", observed)
			.append("revisions", revisions)
			.append("aggregates", aggregates);
	}

	/** The CloudEvents of an entry: what {@link #compact} kept, with the writes of its intent. */
	List<PendingEvent> render(Document intent, Document events) {
		List<Document> writes = intent.getList("writes", Document.class);
		Instant time = Instant.parse(events.getString("time"));
		List<Integer> observed = events.getList("observed", Integer.class);
		List<Integer> revisions = events.getList("revisions", Integer.class);
		List<PendingEvent> rendered = new ArrayList<>();
		for (int i = 0; i < observed.size(); i++) {
			rendered.add(observation(Write.fromDocument(writes.get(observed.get(i))), revisions.get(i), time));
		}
		for (List<?> aggregate : events.getList("aggregates", List.class)) {
			rendered.add(aggregate(aggregate, time));
		}
		return rendered;
	}

	private PendingEvent observation(Write w, int revision, Instant time) {
		String id = "observation:" + w.key() + ":" + revision;
		String type = revision == 1 ? "io.healthstats.observation.recorded" : "io.healthstats.observation.revised";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("indicator", w.indicator());
		data.put("region", w.region());
		data.put("period", w.period().id());
		data.put("value", w.value());
		data.put("numerator", w.numerator());
		data.put("denominator", w.denominator());
		data.put("revision", revision);
		data.put("flagged", w.flagged());
		data.put("source", w.source());
		return event(this.topics.observations(), id, type, w.region(), time, data);
	}

	/** @param aggregate key, version, value, numerator, denominator, contributors (as {@link #compact} wrote them) */
	private PendingEvent aggregate(List<?> aggregate, Instant time) {
		String[] key = ((String) aggregate.get(0)).split("\\|");
		String id = "aggregate:" + aggregate.get(0) + ":" + aggregate.get(1);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("indicator", key[0]);
		data.put("region", key[1]);
		data.put("period", key[2]);
		data.put("value", number(aggregate.get(2)));
		data.put("numerator", number(aggregate.get(3)));
		data.put("denominator", number(aggregate.get(4)));
		data.put("contributors", aggregate.get(5));
		return event(this.topics.aggregates(), id, "io.healthstats.aggregate.changed", key[1], time, data);
	}

	private PendingEvent event(String topic, String id, String type, String region, Instant time, Object data) {
		return new PendingEvent(topic, region, id, this.json.writeValueAsString(CloudEvent.of(id, type, region, time, data)));
	}

	private static String text(BigDecimal number) {
		return number == null ? null : number.toPlainString();
	}

	private static BigDecimal number(Object text) {
		return text == null ? null : new BigDecimal((String) text);
	}

}
