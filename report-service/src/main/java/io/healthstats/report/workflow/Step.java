package io.healthstats.report.workflow;

import java.util.Locale;
import java.util.Set;

import io.healthstats.report.document.ReportAction;
import io.healthstats.report.document.ReportStatus;

/** The workflow: which step leads from which statuses to which one, and who may take it. */
enum Step {

	SUBMIT(ReportAction.SUBMIT, ReportStatus.SUBMITTED, Set.of(ReportStatus.DRAFT, ReportStatus.RETURNED), false),

	APPROVE(ReportAction.APPROVE, ReportStatus.APPROVED, Set.of(ReportStatus.SUBMITTED), true),

	RETURN(ReportAction.RETURN, ReportStatus.RETURNED, Set.of(ReportStatus.SUBMITTED), true),

	PUBLISH(ReportAction.PUBLISH, ReportStatus.PUBLISHED, Set.of(ReportStatus.APPROVED), true);

	final ReportAction action;

	final ReportStatus to;

	final Set<ReportStatus> from;

	/** Taken by a client of a region above the report's (a reviewer), or else by the report's own region. */
	final boolean byReviewer;

	Step(ReportAction action, ReportStatus to, Set<ReportStatus> from, boolean byReviewer) {
		this.action = action;
		this.to = to;
		this.from = from;
		this.byReviewer = byReviewer;
	}

	String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

}
