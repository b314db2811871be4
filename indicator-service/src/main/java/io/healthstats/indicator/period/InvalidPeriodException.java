package io.healthstats.indicator.period;

/** A period id (or granularity) that is not one of {@code 2024}, {@code 2024Q1}..{@code Q4}, {@code 202401}..{@code 12}. */
public class InvalidPeriodException extends RuntimeException {

	private final String field;
	private final String value;

	public InvalidPeriodException(String field, String value, String hint) {
		super("'" + value + "' is not a valid " + field + ". " + hint);
		this.field = field;
		this.value = value;
	}

	public String field() {
		return this.field;
	}

	public String value() {
		return this.value;
	}

}
