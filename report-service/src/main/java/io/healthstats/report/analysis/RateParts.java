package io.healthstats.report.analysis;

/**
 * The counts a stated rate was computed from, found beside it in the text.
 * @param rate the rate figure ({@code 完成率66.46%})
 * @param numerator e.g. {@code 完成体检26071人}
 * @param denominator e.g. {@code 体检预约39229人}
 */
public record RateParts(Figure rate, Figure numerator, Figure denominator) {
}
