package io.healthstats.report.workflow;

/** The client edited a version that is no longer the current one. */
public class StaleVersionException extends RuntimeException {

	private final int currentVersion;

	public StaleVersionException(String message, int currentVersion) {
		super(message);
		this.currentVersion = currentVersion;
	}

	public int currentVersion() {
		return this.currentVersion;
	}

}
