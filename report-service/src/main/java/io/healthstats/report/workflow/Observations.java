package io.healthstats.report.workflow;

import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.observation.ObservationPlan;

/**
 * A report's figures compared with the observations they give.
 * @param transferred whether the plan was sent (the report is approved) or is a preview
 */
public record Observations(ReportDocument report, ObservationPlan plan, boolean transferred) {
}
