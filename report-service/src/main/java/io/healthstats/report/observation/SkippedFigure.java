package io.healthstats.report.observation;

import java.math.BigDecimal;

/**
 * A figure of a report that does not become an observation, and why.
 * @param kind the figure's kind as the analysis found it
 * @param reason why it is not sent
 * @param detail the reason in words, with specifics where they help
 */
public record SkippedFigure(String text, int start, int end, String section, BigDecimal value, String unit,
		String indicator, String kind, SkipReason reason, String detail) {
}
