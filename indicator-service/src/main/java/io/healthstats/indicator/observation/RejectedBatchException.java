package io.healthstats.indicator.observation;

/** Every row of a batch was rejected: nothing was stored. */
public class RejectedBatchException extends RuntimeException {

	private final BatchResult result;

	public RejectedBatchException(BatchResult result) {
		super("No row was stored: every row of the batch was rejected.");
		this.result = result;
	}

	public BatchResult result() {
		return this.result;
	}

}
