package io.healthstats.export.job;

/**
 * Something the caller may not see: a missing export, report or region, or one outside the caller's
 * region — the answers are the same (404), so that nothing tells which.
 */
public class NotFoundException extends RuntimeException {

	private final String type;

	NotFoundException(String type, String message) {
		super(message);
		this.type = type;
	}

	static NotFoundException export(String id) {
		return new NotFoundException("export-not-found", "Export '" + id + "' does not exist or is not yours.");
	}

	static NotFoundException region(String code) {
		return new NotFoundException("region-not-found", "Region '" + code + "' does not exist or is outside your region.");
	}

	static NotFoundException report(String id) {
		return new NotFoundException("report-not-found", "Report '" + id + "' does not exist or is outside your region.");
	}

	/** The problem type slug. */
	public String type() {
		return this.type;
	}

}
