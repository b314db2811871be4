package io.healthstats.indicator.observation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One row as received, before any type is trusted: JSON rows keep their nodes so a string where a
 * number belongs is reported for that row alone; CSV rows hold text.
 */
final class RawRow {

	static final List<String> FIELDS = List.of("indicator", "region", "period", "value", "numerator", "denominator");

	/**
	 * Digits allowed before and after the decimal point: more than any health statistic needs, and
	 * a bound on what a number costs. Without it {@code 1e999999999} (11 bytes of JSON) is a valid
	 * BigDecimal that, written out in full, exhausts the heap.
	 */
	static final int MAX_DIGITS = 20;

	/** Indicator codes, region codes and period ids are shorter. */
	static final int MAX_TEXT = 64;

	/** Longer text is not parsed at all: BigDecimal parsing of a long digit string is quadratic. */
	private static final int MAX_NUMBER_TEXT = 2 * MAX_DIGITS + 10;

	private final Map<String, Object> fields;

	private RawRow(Map<String, Object> fields) {
		this.fields = fields;
	}

	static RawRow of(Map<String, Object> fields) {
		return new RawRow(fields);
	}

	boolean has(String field) {
		Object value = this.fields.get(field);
		if (value instanceof JsonNode node) {
			return !node.isNull() && !node.isMissingNode();
		}
		return value != null && !value.toString().isBlank();
	}

	/**
	 * The field as text; codes and period ids may arrive as JSON numbers (e.g. {@code 2024}). Longer than
	 * {@link #MAX_TEXT} it is no code of anything, and is not repeated back in an error.
	 */
	String text(String field, List<String> errors) {
		Object value = this.fields.get(field);
		if (!has(field)) {
			errors.add(field + " is required");
			return null;
		}
		String text;
		if (value instanceof JsonNode node) {
			if (!node.isString() && !node.isIntegralNumber()) {
				errors.add(field + " must be a string, not " + node.getNodeType().name().toLowerCase());
				return null;
			}
			text = node.asString().trim();
		}
		else {
			text = value.toString().trim();
		}
		if (text.length() > MAX_TEXT) {
			errors.add(field + " is " + text.length() + " characters long; no " + field + " has more than " + MAX_TEXT);
			return null;
		}
		return text;
	}

	BigDecimal number(String field, List<String> errors) {
		if (!has(field)) {
			return null;
		}
		Object value = this.fields.get(field);
		if (value instanceof JsonNode node) {
			if (node.isNumber()) {
				return bounded(field, node.decimalValue(), errors);
			}
			errors.add(field + " must be a number, not " + node.getNodeType().name().toLowerCase());
			return null;
		}
		String text = value.toString().trim();
		if (text.length() > MAX_NUMBER_TEXT) {
			errors.add(field + " is not a number of at most " + MAX_DIGITS + " digits before and after the decimal point");
			return null;
		}
		try {
			return bounded(field, new BigDecimal(text), errors);
		}
		catch (NumberFormatException ex) {
			errors.add(field + " '" + value + "' is not a number");
			return null;
		}
	}

	private static BigDecimal bounded(String field, BigDecimal number, List<String> errors) {
		if (tooLong(number)) {
			BigDecimal stripped = number.stripTrailingZeros();
			if (tooLong(stripped)) {
				errors.add(field + " must have at most " + MAX_DIGITS + " digits before and after the decimal point");
				return null;
			}
			return stripped; // the same number (1.000…0, 0E+999): kept in its short form
		}
		return number;
	}

	/**
	 * precision − scale counts the digits before the point (1e999999999: a billion), scale those after. In
	 * {@code long}: the scale of 1E+2147483647 is −2147483647, and the difference overflows an {@code int}.
	 */
	private static boolean tooLong(BigDecimal number) {
		return (long) number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS;
	}

}
