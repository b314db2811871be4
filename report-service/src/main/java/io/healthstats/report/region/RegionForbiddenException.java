package io.healthstats.report.region;

/** The caller may not act on a region outside its subtree. */
public class RegionForbiddenException extends RuntimeException {

	public RegionForbiddenException(String message) {
		super(message);
	}

}
