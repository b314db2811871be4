package io.healthstats.indicator.observation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.healthstats.indicator.events.EventTraces;
import io.healthstats.indicator.events.Outbox;
import io.healthstats.indicator.events.OutboxEntries;
import io.healthstats.indicator.events.PendingEvent;
import io.healthstats.indicator.observation.BatchResult.RowError;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.CellStore;
import io.healthstats.indicator.rollup.Rollup;
import io.healthstats.indicator.rollup.Rollup.Applied;
import io.healthstats.indicator.rollup.Rollup.Change;
import io.healthstats.indicator.rollup.Rollup.Write;
import io.healthstats.indicator.rollup.Source;
import io.micrometer.core.annotation.Timed;
import org.bson.Document;

import org.springframework.stereotype.Service;

/**
 * Writes a batch of rows: validates each, keeps the good ones, records the intent in the outbox,
 * applies the values and roll-ups, then leaves the events for the publisher.
 */
@Service
public class ObservationWriter implements OutboxEntries {

	private final RowValidator validator;
	private final CellStore cells;
	private final Rollup rollup;
	private final Outbox outbox;
	private final ObservationEvents events;
	private final EventTraces traces;
	private final IngestMetrics metrics;
	private final Clock clock;

	ObservationWriter(RowValidator validator, CellStore cells, Rollup rollup, Outbox outbox, ObservationEvents events,
			EventTraces traces, IngestMetrics metrics) {
		this.validator = validator;
		this.cells = cells;
		this.rollup = rollup;
		this.outbox = outbox;
		this.events = events;
		this.traces = traces;
		this.metrics = metrics;
		this.clock = Clock.systemUTC();
	}

	@Timed(value = "indicator.observations.write", description = "Time to validate, store and roll up one batch")
	public BatchResult write(List<RawRow> rows, String scopeRegion, Source source) {
		List<RowError> rejected = new ArrayList<>();
		List<Write> good = new ArrayList<>();
		List<Integer> flagged = new ArrayList<>();
		for (int index = 0; index < rows.size(); index++) {
			List<String> errors = new ArrayList<>();
			Write write = this.validator.validate(rows.get(index), scopeRegion, source, errors);
			if (write == null) {
				rejected.add(new RowError(index, errors));
				continue;
			}
			good.add(write);
			if (write.flagged()) {
				flagged.add(index);
			}
		}
		List<Write> changed = changedOnly(good);
		int created = 0;
		int revised = 0;
		if (!changed.isEmpty()) {
			Instant now = this.clock.instant();
			String entryId = UUID.randomUUID().toString();
			this.outbox.intend(entryId, intent(changed), now, this.traces.current());
			List<Applied> applied = new ArrayList<>();
			List<Change> changes = new ArrayList<>();
			apply(changed, now, applied, changes);
			applied.removeIf(a -> a.revision() == 0);
			this.outbox.applied(entryId, this.events.compact(changed, applied, changes, now));
			created = (int) applied.stream().filter(a -> a.revision() == 1).count();
			revised = (int) applied.stream().filter(a -> a.revision() > 1).count();
		}
		BatchResult result = new BatchResult(good.size(), created, revised, good.size() - created - revised, flagged,
				rejected);
		this.metrics.written(source, result);
		return result;
	}

	@Override
	public List<PendingEvent> events(Document intent, Document events) {
		return this.events.render(intent, events);
	}

	@Override
	public void reapply(String entryId, Document intent) {
		Instant now = this.clock.instant();
		List<Write> writes = intent.getList("writes", Document.class).stream().map(Write::fromDocument).toList();
		List<Applied> applied = new ArrayList<>();
		List<Change> changes = new ArrayList<>();
		apply(writes, now, applied, changes);
		// writes stored before the writer died come back unchanged (revision 0): announce the revision each key
		// holds now, and the current value of every cell they feed (consumers skip what they already have)
		Map<String, Cell> current = this.cells.view(writes.stream().map(Write::key).toList());
		List<Applied> announced = applied.stream()
			.map(a -> a.revision() > 0 ? a : new Applied(a.write(), revisionOf(current, a.write())))
			.filter(a -> a.revision() > 0)
			.toList();
		List<Write> stored = applied.stream().filter(a -> a.revision() == 0).map(Applied::write).toList();
		if (!stored.isEmpty()) {
			changes.addAll(this.rollup.current(stored));
		}
		this.outbox.applied(entryId, this.events.compact(writes, announced, changes, now));
	}

	private void apply(List<Write> writes, Instant now, List<Applied> applied, List<Change> changes) {
		Map<String, List<Write>> byIndicator = new LinkedHashMap<>();
		writes.forEach(w -> byIndicator.computeIfAbsent(w.indicator(), k -> new ArrayList<>()).add(w));
		byIndicator.forEach((indicator, group) -> {
			Rollup.Result result = this.rollup.apply(indicator, group, now);
			applied.addAll(result.applied());
			changes.addAll(result.changes());
		});
	}

	/**
	 * Drops rows whose key already holds the same numbers, so a re-sent batch writes nothing. Reads the
	 * cells as a reader sees them, without history and parts: only the reported numbers count here.
	 */
	private List<Write> changedOnly(List<Write> writes) {
		Map<String, Cell> existing = this.cells.view(writes.stream().map(Write::key).distinct().toList());
		return writes.stream().filter(w -> {
			Cell cell = existing.get(w.key());
			return cell == null || !cell.holds(w.value(), w.numerator(), w.denominator());
		}).toList();
	}

	private static int revisionOf(Map<String, Cell> cells, Write write) {
		Cell cell = cells.get(write.key());
		return cell != null && cell.holds(write.value(), write.numerator(), write.denominator()) ? cell.revision() : 0;
	}

	private static Document intent(List<Write> writes) {
		return new Document("writes", writes.stream().map(Write::toDocument).toList());
	}

}
