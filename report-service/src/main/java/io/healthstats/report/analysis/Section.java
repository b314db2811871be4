package io.healthstats.report.analysis;

import java.util.List;

/**
 * A numbered section of a report.
 * @param number the section's own number as written, normalized: {@code 一}, {@code (一)}, {@code 1}, {@code (1)}
 * @param title the heading text after the number, up to its full stop, colon or line end (a heading written
 * without one is cut where the body text begins), without page-break numbers
 * @param level 1 for {@code 一、}, 2 for {@code (一)}, 3 for {@code 1.}/{@code 1、}, 4 for {@code (1)}
 * @param start offset of the number in the text
 * @param end offset just past the section's last character (the start of the next section of the same or
 * a higher level, or the end of the text)
 * @param part whether the section reports work done or work planned
 * @param children the sub-sections, in text order
 */
public record Section(String number, String title, int level, int start, int end, Part part, List<Section> children) {

	public Section {
		children = List.copyOf(children);
	}

}
