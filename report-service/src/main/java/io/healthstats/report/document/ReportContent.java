package io.healthstats.report.document;

/** What an author writes: everything of a report that an edit may change. */
public record ReportContent(String title, String period, ReportKind kind, String text) {
}
