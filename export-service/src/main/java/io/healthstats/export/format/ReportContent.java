package io.healthstats.export.format;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report as the report-service describes it: what a .docx export shows.
 * @param text the full text; sections and figures point into it by offset
 * @param sections the section tree
 * @param figures every number found in the text
 */
public record ReportContent(String id, String title, String region, String regionName, String period, String kind,
		String status, int version, String text, List<Section> sections, List<Figure> figures) {

	/**
	 * A numbered section: {@code 一}, {@code (一)}, {@code 1}, {@code (1)} for levels 1–4.
	 * @param start offset of the number in the text
	 * @param end offset just past the section's last character
	 */
	public record Section(String number, String title, int level, int start, int end, List<Section> children) {
	}

	/** A number in the text, as the report-service's analysis found it. */
	public record Figure(String text, String section, BigDecimal value, String unit, String indicator, String kind,
			boolean placeholder) {
	}

}
