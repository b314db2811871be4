package io.healthstats.indicator.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.catalogue.IndicatorKind;

/**
 * One indicator × region × period, materialized. It holds the value reported for exactly this key
 * (with its revision history) and the effective values of the cells it rolls up ({@code parts}):
 * the child regions' cells for a city or province, the finer periods' cells for a county.
 * Its effective value is the reported one when there is one, otherwise the roll-up of its parts.
 * Because parts are set (not added to), replaying a write can never count it twice.
 */
public final class Cell {

	final String indicator;
	final String region;
	final String period;
	final boolean county;
	Revision reported;
	final List<Revision> history;
	final Map<String, Figures> parts;
	final long version;

	/** False for a reader's view ({@link CellStore#view}): the parts were not read, only their roll-up as saved. */
	private final boolean partsRead;

	/** The roll-up of the parts as saved with the cell; what {@link #rolledUp} answers when the parts were not read. */
	private final Figures savedRollup;

	Cell(String indicator, String region, String period, boolean county, Revision reported, List<Revision> history,
			Map<String, Figures> parts, long version) {
		this(indicator, region, period, county, reported, history, parts, version, true, null);
	}

	private Cell(String indicator, String region, String period, boolean county, Revision reported,
			List<Revision> history, Map<String, Figures> parts, long version, boolean partsRead, Figures savedRollup) {
		this.indicator = indicator;
		this.region = region;
		this.period = period;
		this.county = county;
		this.reported = reported;
		this.history = new ArrayList<>(history);
		this.parts = new TreeMap<>(parts);
		this.version = version;
		this.partsRead = partsRead;
		this.savedRollup = savedRollup;
	}

	/** A cell as a reader sees it: its parts not read, their roll-up as saved with it. */
	static Cell viewed(String indicator, String region, String period, boolean county, Revision reported,
			Figures savedRollup, long version) {
		return new Cell(indicator, region, period, county, reported, List.of(), Map.of(), version, false, savedRollup);
	}

	static Cell empty(String indicator, String region, String period, boolean county) {
		return new Cell(indicator, region, period, county, null, List.of(), Map.of(), 0);
	}

	public static String key(String indicator, String region, String period) {
		return indicator + "|" + region + "|" + period;
	}

	public String indicator() {
		return this.indicator;
	}

	public String region() {
		return this.region;
	}

	public String period() {
		return this.period;
	}

	public Revision reportedRevision() {
		return this.reported;
	}

	public List<Revision> revisions() {
		return List.copyOf(this.history);
	}

	public String key() {
		return key(this.indicator, this.region, this.period);
	}

	/** Whether the reported value of this key is already exactly these numbers. */
	public boolean holds(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
		return this.reported != null && this.reported.figures().sameNumbers(new Figures(value, numerator, denominator, 1));
	}

	public int revision() {
		return this.reported == null ? 0 : this.reported.revision();
	}

	/** The roll-up of the parts, or null when no part has data. */
	Figures rolledUp(Indicator indicator) {
		if (!this.partsRead) {
			return this.savedRollup;
		}
		List<Figures> present = this.parts.values().stream().filter(f -> f.value() != null || f.denominator() != null).toList();
		if (present.isEmpty()) {
			return null;
		}
		// a county's parts are periods of one region; a city's parts are regions
		int contributors = this.county ? 1 : present.stream().mapToInt(Figures::contributors).sum();
		if (indicator.kind() == IndicatorKind.STOCK && this.county) {
			// a stock is never summed over time: the last reported finer period counts
			String last = this.parts.entrySet().stream()
				.filter(e -> e.getValue().value() != null)
				.map(Map.Entry::getKey)
				.max(Comparator.naturalOrder())
				.orElseThrow();
			return new Figures(this.parts.get(last).value(), null, null, contributors);
		}
		if (indicator.kind() == IndicatorKind.RATE) {
			BigDecimal numerator = sum(present.stream().map(Figures::numerator).toList());
			BigDecimal denominator = sum(present.stream().map(Figures::denominator).toList());
			return Figures.rate(indicator, numerator, denominator, contributors);
		}
		return new Figures(sum(present.stream().map(Figures::value).toList()), null, null, contributors);
	}

	/** The value a reader sees: what was reported for exactly this key, else the roll-up. */
	Figures effective(Indicator indicator) {
		Figures rolled = rolledUp(indicator);
		if (this.reported == null) {
			return rolled;
		}
		int contributors = this.county ? 1 : (rolled == null ? 0 : rolled.contributors());
		return new Figures(this.reported.value(), this.reported.numerator(), this.reported.denominator(), contributors);
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
