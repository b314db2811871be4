package io.healthstats.report.document;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved text of a report, under {@code <reportId>:v<version>} so it is read by key.
 */
@Document(ReportVersionDocument.COLLECTION)
public record ReportVersionDocument(@Id String id, String reportId, int version, String title, String region,
		String period, ReportKind kind, String text, int figureCount, int placeholderCount, Instant savedAt,
		String savedBy) {

	public static final String COLLECTION = "report_versions";

	public static String key(String reportId, int version) {
		return reportId + ":v" + version;
	}

	static ReportVersionDocument of(ReportDocument report) {
		return new ReportVersionDocument(key(report.id(), report.version()), report.id(), report.version(),
				report.title(), report.region(), report.period(), report.kind(), report.text(), report.figureCount(),
				report.placeholderCount(), report.updatedAt(), report.updatedBy());
	}

}
