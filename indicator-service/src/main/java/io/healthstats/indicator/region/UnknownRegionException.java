package io.healthstats.indicator.region;

/** Unknown, or outside the caller's subtree: the two are deliberately indistinguishable. */
public class UnknownRegionException extends RuntimeException {

	public UnknownRegionException(String code) {
		super("Region '" + code + "' does not exist or is outside your region.");
	}

}
