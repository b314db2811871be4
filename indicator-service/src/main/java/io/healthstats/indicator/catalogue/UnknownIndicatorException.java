package io.healthstats.indicator.catalogue;

public class UnknownIndicatorException extends RuntimeException {

	public UnknownIndicatorException(String code) {
		super("Indicator '" + code + "' is not in the catalogue.");
	}

}
