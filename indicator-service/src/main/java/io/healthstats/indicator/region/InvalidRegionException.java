package io.healthstats.indicator.region;

/** A region that cannot be added as requested. */
public class InvalidRegionException extends RuntimeException {

	private final String field;

	public InvalidRegionException(String field, String value, String detail) {
		super(detail);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
