package io.healthstats.export.job;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What to export: observations ({@code format, indicator | indicators, region, from, to}) or a report
 * ({@code format: "docx", report}). Nothing else can be set by the client.
 */
@Schema(description = "An export: observations of a region's subtree over a period range, or a report as .docx")
public record ExportRequest(
		@Schema(example = "xlsx", allowableValues = { "csv", "xlsx", "json", "sdmx-csv", "dhis2-json", "docx" }) String format,
		@Schema(example = "OUTPATIENT_VISITS") String indicator,
		@Schema(description = "several indicators instead of one") List<String> indicators,
		@Schema(example = "341500", description = "the region and every region below it") String region,
		@Schema(example = "2024") String from, @Schema(example = "2025") String to,
		@Schema(description = "a report id, with format docx") String report) {
}
