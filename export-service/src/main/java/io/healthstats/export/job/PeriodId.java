package io.healthstats.export.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period id as the indicator-service accepts it — {@code 2024}, {@code 2024Q1}..{@code Q4},
 * {@code 202401}..{@code 12}, years 1900–2999 — checked here so that a bad request is refused before
 * anything is queued.
 */
record PeriodId(int year, int firstMonth, int lastMonth) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:Q(\\d)|(\\d{2}))?");

	static final String HINT = "Use 2024 (year), 2024Q1..2024Q4 (quarter) or 202401..202412 (month).";

	/** @return the period, or null when {@code id} is not a valid period id */
	static PeriodId parse(String id) {
		Matcher matcher = id == null ? null : FORMAT.matcher(id);
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 1900 || year > 2999) {
			return null;
		}
		if (matcher.group(2) != null) {
			int quarter = Integer.parseInt(matcher.group(2));
			return quarter < 1 || quarter > 4 ? null : new PeriodId(year, quarter * 3 - 2, quarter * 3);
		}
		if (matcher.group(3) != null) {
			int month = Integer.parseInt(matcher.group(3));
			return month < 1 || month > 12 ? null : new PeriodId(year, month, month);
		}
		return new PeriodId(year, 1, 12);
	}

	int startMonth() {
		return this.year * 12 + this.firstMonth - 1;
	}

	int endMonth() {
		return this.year * 12 + this.lastMonth - 1;
	}

}
