package io.healthstats.export.job;

/** A client with as many exports queued or running as it may have. */
public class TooManyExportsException extends RuntimeException {

	public TooManyExportsException(String client, long active) {
		super("Client " + client + " has " + active + " exports queued or running, as many as one client may have. "
				+ "Request more when one of them is done (GET /api/v1/exports?status=QUEUED).");
	}

}
