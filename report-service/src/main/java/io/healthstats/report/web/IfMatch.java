package io.healthstats.report.web;

import java.util.Arrays;
import java.util.List;

import io.healthstats.report.workflow.StaleVersionException;

/** The report version an {@code If-Match} header names; ETags are the version number ({@code "3"}). */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @return the version, or {@code null} for {@code *} (whatever version is current)
	 * @throws PreconditionRequiredException when the header is missing
	 * @throws StaleVersionException when the header names no version this service ever gave out
	 */
	static Integer version(String header, String reportId) {
		if (header == null || header.isBlank()) {
			throw new PreconditionRequiredException("Editing report " + reportId
					+ " requires an If-Match header with the ETag of the version you edited (GET the report to get it).");
		}
		String value = header.strip();
		if (value.equals("*")) {
			return null;
		}
		List<String> tags = Arrays.stream(value.split(",")).map(String::strip).toList();
		if (tags.size() == 1) {
			String tag = tags.get(0);
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
				tag = tag.substring(1, tag.length() - 1);
			}
			if (tag.matches("\\d{1,9}")) {
				return Integer.valueOf(tag);
			}
		}
		throw new StaleVersionException("If-Match " + value + " does not name a version of report " + reportId
				+ "; send the single ETag of the version you edited.", -1);
	}

}
