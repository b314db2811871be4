package io.healthstats.report.document;

/** The form in which every report text is stored, whatever it came from. */
public final class ReportText {

	/** Longer texts are refused: a 100-page report has about 100,000 characters. */
	public static final int MAX_LENGTH = 1_000_000;

	private ReportText() {
	}

	/**
	 * Drops a byte-order mark and turns Windows and old Mac line ends into {@code \n}, so figure
	 * offsets mean the same whichever editor wrote the text.
	 */
	public static String normalize(String text) {
		String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
		return normalized.replace("\r\n", "\n").replace('\r', '\n');
	}

}
