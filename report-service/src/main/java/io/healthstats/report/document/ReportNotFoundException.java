package io.healthstats.report.document;

/**
 * No such report, or none the caller may see: a client asking for another region's report gets
 * the same answer as for a missing one.
 */
public class ReportNotFoundException extends RuntimeException {

	public ReportNotFoundException(String message) {
		super(message);
	}

}
