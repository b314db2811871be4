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

	/** The field as text; codes and period ids may arrive as JSON numbers (e.g. {@code 2024}). */
	String text(String field, List<String> errors) {
		Object value = this.fields.get(field);
		if (!has(field)) {
			errors.add(field + " is required");
			return null;
		}
		if (value instanceof JsonNode node) {
			if (node.isString() || node.isIntegralNumber()) {
				return node.asString().trim();
			}
			errors.add(field + " must be a string, not " + node.getNodeType().name().toLowerCase());
			return null;
		}
		return value.toString().trim();
	}

	BigDecimal number(String field, List<String> errors) {
		if (!has(field)) {
			return null;
		}
		Object value = this.fields.get(field);
		if (value instanceof JsonNode node) {
			if (node.isNumber()) {
				return node.decimalValue();
			}
			errors.add(field + " must be a number, not " + node.getNodeType().name().toLowerCase());
			return null;
		}
		try {
			return new BigDecimal(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			errors.add(field + " '" + value + "' is not a number");
			return null;
		}
	}

}
