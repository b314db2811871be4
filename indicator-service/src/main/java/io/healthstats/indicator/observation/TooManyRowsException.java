package io.healthstats.indicator.observation;

/** A batch with more rows than one request may carry; nothing of it is stored. */
public class TooManyRowsException extends RuntimeException {

	public TooManyRowsException(int limit) {
		super("A batch holds at most " + limit + " rows; this one has more. Send it as several batches.");
	}

}
