package io.healthstats.report.document;

/** Where a report stands in the approval workflow. */
public enum ReportStatus {

	DRAFT, SUBMITTED, APPROVED, RETURNED, PUBLISHED;

	/** Whether the text may still change: only before submission, or after the reviewer sent it back. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

}
