package io.healthstats.report.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DHIS2-style period ids: {@code 2024} (year), {@code 2024Q1}…{@code 2024Q4} (quarter),
 * {@code 202401}…{@code 202412} (month).
 */
public final class PeriodId {

	/** How to write a period, for error messages. */
	public static final String FORMATS = "use a year (2024), a quarter (2024Q1 to 2024Q4) or a month (202401 to 202412)";

	private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:Q(\\d)|(\\d{2}))?");

	private PeriodId() {
	}

	public static boolean isValid(String id) {
		if (id == null) {
			return false;
		}
		Matcher matcher = SHAPE.matcher(id);
		if (!matcher.matches()) {
			return false;
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 1900 || year > 2100) {
			return false;
		}
		if (matcher.group(2) != null) {
			int quarter = Integer.parseInt(matcher.group(2));
			return quarter >= 1 && quarter <= 4;
		}
		if (matcher.group(3) != null) {
			int month = Integer.parseInt(matcher.group(3));
			return month >= 1 && month <= 12;
		}
		return true;
	}

}
