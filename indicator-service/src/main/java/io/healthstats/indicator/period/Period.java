package io.healthstats.indicator.period;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DHIS2-style period id: {@code 2024} (year), {@code 2024Q1} (quarter), {@code 202401} (month).
 * {@code index} is the quarter (1–4) or month (1–12); 0 for a year.
 */
public record Period(int year, Granularity granularity, int index) implements Comparable<Period> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:Q(\\d)|(\\d{2}))?");

	private static final String HINT = "Use 2024 (year), 2024Q1..2024Q4 (quarter) or 202401..202412 (month).";

	public static Period parse(String id) {
		return parse("period", id);
	}

	/** Parses {@code id}, naming {@code field} in the error when it is not a valid period id. */
	public static Period parse(String field, String id) {
		Matcher matcher = id == null ? null : FORMAT.matcher(id.trim());
		if (matcher == null || !matcher.matches()) {
			throw new InvalidPeriodException(field, id, HINT);
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 1900 || year > 2999) {
			throw new InvalidPeriodException(field, id, "The year must be between 1900 and 2999.");
		}
		if (matcher.group(2) != null) {
			int quarter = Integer.parseInt(matcher.group(2));
			if (quarter < 1 || quarter > 4) {
				throw new InvalidPeriodException(field, id, "A quarter is Q1 to Q4.");
			}
			return new Period(year, Granularity.QUARTER, quarter);
		}
		if (matcher.group(3) != null) {
			int month = Integer.parseInt(matcher.group(3));
			if (month < 1 || month > 12) {
				throw new InvalidPeriodException(field, id, "A month is 01 to 12.");
			}
			return new Period(year, Granularity.MONTH, month);
		}
		return new Period(year, Granularity.YEAR, 0);
	}

	public static Period year(int year) {
		return new Period(year, Granularity.YEAR, 0);
	}

	public String id() {
		return switch (this.granularity) {
			case YEAR -> Integer.toString(this.year);
			case QUARTER -> this.year + "Q" + this.index;
			// years are 1900..2999, so year * 100 + month is always the six digits of the id; String.format
			// parsed its pattern on every call, and ids are built for every key a write or read touches
			case MONTH -> Integer.toString(this.year * 100 + this.index);
		};
	}

	/** The period this one rolls up into: month → quarter, quarter → year; null for a year. */
	public Period parent() {
		return switch (this.granularity) {
			case YEAR -> null;
			case QUARTER -> year(this.year);
			case MONTH -> new Period(this.year, Granularity.QUARTER, (this.index - 1) / 3 + 1);
		};
	}

	/** The periods one level finer that make up this one: a year's quarters, a quarter's months. */
	public List<Period> children() {
		return switch (this.granularity) {
			case YEAR -> List.of(1, 2, 3, 4).stream().map(q -> new Period(this.year, Granularity.QUARTER, q)).toList();
			case QUARTER -> List.of(0, 1, 2).stream()
				.map(m -> new Period(this.year, Granularity.MONTH, (this.index - 1) * 3 + 1 + m))
				.toList();
			case MONTH -> List.of();
		};
	}

	public Period previous() {
		return shift(-1);
	}

	public Period next() {
		return shift(1);
	}

	/** The same period one year earlier (同比 base). */
	public Period sameLastYear() {
		return new Period(this.year - 1, this.granularity, this.index);
	}

	public Period first(Granularity finer) {
		return toward(finer, true);
	}

	public Period last(Granularity finer) {
		return toward(finer, false);
	}

	/** Every period of {@code granularity} from the start of {@code from} to the end of {@code to}. */
	public static List<Period> range(Period from, Period to, Granularity granularity) {
		if (from.granularity.ordinal() > granularity.ordinal() || to.granularity.ordinal() > granularity.ordinal()) {
			throw new InvalidPeriodException("granularity", granularity.name(),
					"from and to must not be finer than the granularity.");
		}
		Period start = from.first(granularity);
		Period end = to.last(granularity);
		List<Period> periods = new ArrayList<>();
		for (Period p = start; p.compareTo(end) <= 0; p = p.next()) {
			periods.add(p);
		}
		return periods;
	}

	@Override
	public int compareTo(Period other) {
		int byStart = Integer.compare(this.first(Granularity.MONTH).ordinalMonth(), other.first(Granularity.MONTH).ordinalMonth());
		return byStart != 0 ? byStart : this.granularity.compareTo(other.granularity);
	}

	@Override
	public String toString() {
		return id();
	}

	private Period toward(Granularity finer, boolean first) {
		Period p = this;
		while (p.granularity.ordinal() < finer.ordinal()) {
			List<Period> parts = p.children();
			p = first ? parts.get(0) : parts.get(parts.size() - 1);
		}
		return p;
	}

	private int ordinalMonth() {
		return this.year * 12 + this.index - 1;
	}

	private Period shift(int step) {
		return switch (this.granularity) {
			case YEAR -> year(this.year + step);
			case QUARTER -> fromOrdinal(this.year * 4 + this.index - 1 + step, 4, Granularity.QUARTER);
			case MONTH -> fromOrdinal(ordinalMonth() + step, 12, Granularity.MONTH);
		};
	}

	private static Period fromOrdinal(int ordinal, int perYear, Granularity granularity) {
		return new Period(Math.floorDiv(ordinal, perYear), granularity, Math.floorMod(ordinal, perYear) + 1);
	}

}
