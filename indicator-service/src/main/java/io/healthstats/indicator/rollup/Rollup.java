package io.healthstats.indicator.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.period.Granularity;
import io.healthstats.indicator.period.Period;
import io.healthstats.indicator.region.Region;
import io.healthstats.indicator.region.Regions;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Applies reported values to their cells and maintains every roll-up they feed — the month's
 * quarter and year for a county, and each of those for every ancestor region — in the same call,
 * so a write that has returned is visible to the next read.
 */
@Component
public class Rollup {

	private static final int ATTEMPTS = 8;

	private final CellStore store;
	private final Catalogue catalogue;
	private final Regions regions;
	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	Rollup(CellStore store, Catalogue catalogue, Regions regions) {
		this.store = store;
		this.catalogue = catalogue;
		this.regions = regions;
	}

	/** A value to report for exactly one key. */
	public record Write(String indicator, String region, Period period, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, Source source, boolean flagged) {

		/** The key of the cell this write reports for: {@code INDICATOR|REGION|PERIOD}. */
		public String key() {
			return Cell.key(this.indicator, this.region, this.period.id());
		}

		Figures figures() {
			return new Figures(this.value, this.numerator, this.denominator, 1);
		}

		/** The write as stored in an outbox intent, so it can be redone after a crash. */
		public Document toDocument() {
			Document write = new Document("indicator", this.indicator).append("region", this.region)
				.append("period", this.period.id());
			CellStore.present(write, "value", CellStore.str(this.value));
			CellStore.present(write, "numerator", CellStore.str(this.numerator));
			CellStore.present(write, "denominator", CellStore.str(this.denominator));
			return write.append("flagged", this.flagged).append("source", CellStore.source(this.source));
		}

		public static Write fromDocument(Document d) {
			return new Write(d.getString("indicator"), d.getString("region"), Period.parse(d.getString("period")),
					CellStore.dec(d.getString("value")), CellStore.dec(d.getString("numerator")),
					CellStore.dec(d.getString("denominator")), CellStore.source(d.get("source", Document.class)),
					Boolean.TRUE.equals(d.getBoolean("flagged")));
		}

	}

	/** What a write did: the revision it became, or 0 when the key already held these numbers. */
	public record Applied(Write write, int revision) {
	}

	/** A cell whose effective value changed (or, on recovery, its current value). */
	public record Change(String indicator, String region, String period, Figures figures, long version) {
	}

	public record Result(List<Applied> applied, List<Change> changes) {
	}

	/** Writes of one indicator; cells of other indicators are independent. */
	public Result apply(String indicatorCode, List<Write> writes, Instant now) {
		Indicator indicator = this.catalogue.get(indicatorCode);
		ReentrantLock lock = this.locks.computeIfAbsent(indicatorCode, code -> new ReentrantLock());
		lock.lock();
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				Result result = tryApply(indicator, writes, now);
				if (result != null) {
					return result;
				}
			}
			throw new IllegalStateException("Cells of " + indicatorCode + " kept changing under concurrent writers");
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The current value of every cell the writes feed, for writes whose effect is already stored: what a
	 * recovering writer announces when it died after saving the cells but before recording their changes.
	 */
	public List<Change> current(List<Write> writes) {
		List<Change> changes = new ArrayList<>();
		this.store.view(affectedKeys(writes)).values().forEach(cell -> {
			Figures figures = cell.effective(this.catalogue.get(cell.indicator));
			if (figures != null) {
				changes.add(new Change(cell.indicator, cell.region, cell.period, figures, cell.version));
			}
		});
		return changes;
	}

	/** Keys of the cells whose values the writes feed, their own included. */
	private Set<String> affectedKeys(List<Write> writes) {
		Set<String> keys = new LinkedHashSet<>();
		writes.forEach(w -> keys.addAll(affectedKeys(w.indicator(), w.region(), w.period())));
		return keys;
	}

	/** Keys of the cells whose values {@code write} feeds, itself included. */
	private Set<String> affectedKeys(String indicator, String regionCode, Period period) {
		Region region = this.regions.find(regionCode).orElseThrow();
		List<Period> periods = new ArrayList<>();
		periods.add(period);
		if (region.isLeaf()) {
			for (Period p = period.parent(); p != null; p = p.parent()) {
				periods.add(p);
			}
		}
		List<Region> chain = new ArrayList<>();
		chain.add(region);
		chain.addAll(this.regions.ancestors(region));
		Set<String> keys = new LinkedHashSet<>();
		for (Region r : chain) {
			for (Period p : periods) {
				keys.add(Cell.key(indicator, r.code(), p.id()));
			}
		}
		return keys;
	}

	private Result tryApply(Indicator indicator, List<Write> writes, Instant now) {
		Set<String> keys = affectedKeys(writes);
		Map<String, Cell> cells = this.store.load(keys);
		for (String key : keys) {
			cells.computeIfAbsent(key, this::emptyCell);
		}
		Map<String, Figures> before = new HashMap<>();
		cells.forEach((key, cell) -> before.put(key, cell.effective(indicator)));

		Set<Cell> dirty = new LinkedHashSet<>();
		List<Applied> applied = new ArrayList<>();
		for (Write write : writes) {
			Cell cell = cells.get(write.key());
			if (cell.reported != null && cell.reported.figures().sameNumbers(write.figures())) {
				applied.add(new Applied(write, 0));
				continue;
			}
			Revision revision = new Revision(cell.history.size() + 1, write.value(), write.numerator(),
					write.denominator(), write.source(), now, write.flagged());
			cell.reported = revision;
			cell.history.add(revision);
			dirty.add(cell);
			applied.add(new Applied(write, revision.revision()));
		}
		if (dirty.isEmpty()) {
			return new Result(applied, List.of());
		}
		for (Cell cell : inRollupOrder(cells.values())) {
			Figures effective = cell.effective(indicator);
			for (Map.Entry<String, String> parent : parents(cell).entrySet()) {
				Cell target = cells.get(parent.getKey());
				if (target != null && setPart(target, parent.getValue(), effective)) {
					dirty.add(target);
				}
			}
		}
		List<Change> changes = new ArrayList<>();
		for (Cell cell : dirty) {
			Figures after = cell.effective(indicator);
			Figures was = before.get(cell.key());
			if (after != null && !(after.sameNumbers(was) && was.contributors() == after.contributors())) {
				changes.add(new Change(indicator.code(), cell.region, cell.period, after, cell.version + 1));
			}
		}
		return this.store.save(dirty) ? new Result(applied, changes) : null;
	}

	/** Parent cell key → the part key this cell has in it. */
	private Map<String, String> parents(Cell cell) {
		Map<String, String> parents = new HashMap<>();
		Region region = this.regions.find(cell.region).orElseThrow();
		if (region.parent() != null) {
			parents.put(Cell.key(cell.indicator, region.parent(), cell.period), cell.region);
		}
		Period timeParent = Period.parse(cell.period).parent();
		if (region.isLeaf() && timeParent != null) {
			parents.put(Cell.key(cell.indicator, cell.region, timeParent.id()), cell.period);
		}
		return parents;
	}

	private static boolean setPart(Cell target, String partKey, Figures figures) {
		Figures current = target.parts.get(partKey);
		if (figures == null) {
			return target.parts.remove(partKey) != null;
		}
		if (current != null && current.sameNumbers(figures) && Objects.equals(current.contributors(), figures.contributors())) {
			return false;
		}
		target.parts.put(partKey, figures);
		return true;
	}

	/**
	 * Counties before cities before the province, and within a county month before quarter before year:
	 * each cell is complete before it becomes a part of the next. The step of each cell is worked out once,
	 * not in every comparison of the sort (a region lookup and a period parse each time).
	 */
	private List<Cell> inRollupOrder(Collection<Cell> cells) {
		Map<Cell, Integer> step = new IdentityHashMap<>();
		for (Cell cell : cells) {
			int finer = Granularity.MONTH.ordinal() - Period.parse(cell.period).granularity().ordinal();
			step.put(cell, levelRank(cell.region) * Granularity.values().length + finer);
		}
		List<Cell> ordered = new ArrayList<>(cells);
		ordered.sort(Comparator.comparing(step::get));
		return ordered;
	}

	private int levelRank(String regionCode) {
		return this.regions.find(regionCode).map(r -> r.level()).map(level -> switch (level) {
			case COUNTY -> 0;
			case CITY -> 1;
			case PROVINCE -> 2;
		}).orElse(3);
	}

	private Cell emptyCell(String key) {
		String[] parts = key.split("\\|");
		boolean county = this.regions.find(parts[1]).map(Region::isLeaf).orElse(false);
		return Cell.empty(parts[0], parts[1], parts[2], county);
	}

}
