package io.healthstats.report.workflow;

import java.util.List;

import io.healthstats.report.analysis.Figure;
import io.healthstats.report.document.ReportDocument;

/**
 * The outcome of a workflow step.
 * @param report the report after the step
 * @param placeholders figures still to be filled in (reported on submission)
 */
public record Transition(ReportDocument report, List<Figure> placeholders) {
}
