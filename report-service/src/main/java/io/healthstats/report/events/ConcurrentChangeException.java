package io.healthstats.report.events;

/** Another change of the same report came first; the caller should read the report again. */
public class ConcurrentChangeException extends RuntimeException {

	public ConcurrentChangeException(String message) {
		super(message);
	}

}
