package io.healthstats.report.observation;

/**
 * Where in a report's text a number stands.
 * @param text the figure as written
 * @param start offset of its first character
 * @param end offset just past its last character
 */
public record FigureSource(String text, int start, int end) {
}
