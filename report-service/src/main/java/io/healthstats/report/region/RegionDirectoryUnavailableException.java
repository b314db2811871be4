package io.healthstats.report.region;

/** The region directory could not be asked; the request may be retried later. */
public class RegionDirectoryUnavailableException extends RuntimeException {

	public RegionDirectoryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
