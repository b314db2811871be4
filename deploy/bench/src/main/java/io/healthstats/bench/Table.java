package io.healthstats.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table with aligned columns, so a run's output can be pasted into the README as it is. */
final class Table {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... header) {
		this.header = List.of(header);
	}

	Table row(Object... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("Expected " + this.header.size() + " cells, got " + cells.length);
		}
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(cell == null ? "" : cell.toString());
		}
		this.rows.add(row);
		return this;
	}

	@Override
	public String toString() {
		int[] widths = new int[this.header.size()];
		List<List<String>> all = new ArrayList<>();
		all.add(this.header);
		all.addAll(this.rows);
		for (List<String> row : all) {
			for (int c = 0; c < widths.length; c++) {
				widths[c] = Math.max(widths[c], Math.max(3, row.get(c).length()));
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, this.header, widths);
		List<String> rule = new ArrayList<>();
		for (int width : widths) {
			rule.add("-".repeat(width));
		}
		line(out, rule, widths);
		this.rows.forEach(row -> line(out, row, widths));
		return out.toString();
	}

	private static void line(StringBuilder out, List<String> cells, int[] widths) {
		out.append('|');
		for (int c = 0; c < widths.length; c++) {
			out.append(' ').append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length())).append(" |");
		}
		out.append(System.lineSeparator());
	}

	static String millis(double millis) {
		return String.format(Locale.ROOT, millis < 1 ? "%.3f ms" : millis < 10 ? "%.2f ms" : millis < 100 ? "%.1f ms" : "%,.0f ms", millis);
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	static String ratio(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
