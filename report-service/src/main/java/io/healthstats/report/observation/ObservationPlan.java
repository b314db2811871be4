package io.healthstats.report.observation;

import java.util.List;

/**
 * What the figures of one version of a report give the indicator-service: the observations, and
 * every other figure with the reason it stays behind.
 * @param version the report version the plan was made from
 */
public record ObservationPlan(int version, List<PlannedObservation> observations, List<SkippedFigure> skipped) {

	public ObservationPlan {
		observations = (observations != null) ? List.copyOf(observations) : List.of();
		skipped = (skipped != null) ? List.copyOf(skipped) : List.of();
	}

}
