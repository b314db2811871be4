package io.healthstats.report.workflow;

/** The report's text may not change in its current status. */
public class ReportLockedException extends RuntimeException {

	public ReportLockedException(String message) {
		super(message);
	}

}
