package io.healthstats.export.upstream;

/**
 * A service the export depends on failed or could not be reached. The message is meant for the user
 * (it becomes a failed job's {@code error} or a 503 problem) and never carries a remote stack trace.
 */
public class UpstreamException extends RuntimeException {

	private final boolean retriable;

	UpstreamException(String message, boolean retriable, Throwable cause) {
		super(message, cause);
		this.retriable = retriable;
	}

	boolean retriable() {
		return this.retriable;
	}

}
