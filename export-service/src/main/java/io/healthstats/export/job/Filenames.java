package io.healthstats.export.job;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * File names of exports and their {@code Content-Disposition}: the UTF-8 name in RFC 5987's
 * {@code filename*=UTF-8''…} (Chinese allowed) and an ASCII {@code filename="…"} for clients that read
 * only that.
 */
final class Filenames {

	private Filenames() {
	}

	/** 门诊诊疗人次_六安市_2024-2025.csv */
	static String observations(List<String> indicatorNames, String regionName, String from, String to, String extension) {
		String what = indicatorNames.size() == 1 ? indicatorNames.get(0)
				: indicatorNames.get(0) + "等" + indicatorNames.size() + "项指标";
		return safe(what + "_" + regionName + "_" + range(from, to)) + "." + extension;
	}

	/** OUTPATIENT_VISITS_341500_2024-2025.csv */
	static String observationsAscii(List<String> indicators, String region, String from, String to, String extension) {
		String what = indicators.size() == 1 ? indicators.get(0) : "observations";
		return ascii(what + "_" + region + "_" + range(from, to)) + "." + extension;
	}

	static String report(String title, String extension) {
		String name = safe(title == null ? "" : title);
		return (name.isEmpty() ? "report" : name) + "." + extension;
	}

	static String reportAscii(String id, String extension) {
		return ascii("report-" + id) + "." + extension;
	}

	static String contentDisposition(String filename, String asciiFilename) {
		return "attachment; filename=\"" + asciiFilename + "\"; filename*=UTF-8''" + rfc5987(filename);
	}

	private static String range(String from, String to) {
		return from.equals(to) ? from : from + "-" + to;
	}

	/** Without the characters file systems refuse, and never longer than most of them allow. */
	private static String safe(String name) {
		String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
	}

	private static String ascii(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	/** RFC 5987 attr-char kept as is, every other byte of the UTF-8 form percent-encoded. */
	static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

}
