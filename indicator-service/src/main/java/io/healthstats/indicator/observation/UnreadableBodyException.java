package io.healthstats.indicator.observation;

/** The body as a whole cannot be parsed (as opposed to single bad rows). */
public class UnreadableBodyException extends RuntimeException {

	public UnreadableBodyException(String message) {
		super(message);
	}

}
