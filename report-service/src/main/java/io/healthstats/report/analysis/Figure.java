package io.healthstats.report.analysis;

import java.math.BigDecimal;

/**
 * A number found in a report.
 * @param text the figure as written, number and unit ({@code 39.5万人}, {@code XX%})
 * @param start offset of the first character in the text
 * @param end offset just past the last character
 * @param section number path of the innermost enclosing section ({@code 一/(五)}), empty before the first one
 * @param value the normalized value with full precision ({@code 39.5万人} → 395000); {@code null} for a placeholder
 * @param unit the unit without multiplier ({@code 人}, {@code 人次}, {@code 元}, {@code %}, {@code ‰},
 * {@code 百分点}); empty when the number has none
 * @param indicator the catalogue code the surrounding phrase identifies, or {@code null}
 * @param kind what the number means
 * @param placeholder whether the number is still a blank to fill in ({@code XX}, {@code ××}, {@code X.X})
 */
public record Figure(String text, int start, int end, String section, BigDecimal value, String unit,
		String indicator, FigureKind kind, boolean placeholder) {
}
