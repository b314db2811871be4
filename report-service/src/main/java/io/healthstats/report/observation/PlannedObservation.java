package io.healthstats.report.observation;

import java.math.BigDecimal;

/**
 * A figure that becomes (or became) an observation in the indicator-service.
 * @param eventId the id of its ingest event, the same however often it is sent
 * @param indicator catalogue code
 * @param region the report's region
 * @param period the report's period
 * @param value the value as the report states it (a percentage for a rate)
 * @param numerator for a rate: the count it was computed from; otherwise {@code null}
 * @param denominator for a rate: the count it was computed against; otherwise {@code null}
 * @param source the figure itself
 * @param numeratorSource for a rate: the figure the numerator came from
 * @param denominatorSource for a rate: the figure the denominator came from
 */
public record PlannedObservation(String eventId, String indicator, String region, String period, BigDecimal value,
		BigDecimal numerator, BigDecimal denominator, FigureSource source, FigureSource numeratorSource,
		FigureSource denominatorSource) {
}
