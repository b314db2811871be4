package io.healthstats.report.document;

/**
 * Which reports a list shows.
 * @param regionPrefix code prefix of the region subtree ({@code 3415} for a city)
 * @param period a period id, or {@code null} for any
 * @param status a status, or {@code null} for any
 * @param kind a kind, or {@code null} for any
 */
public record ReportFilter(String regionPrefix, String period, ReportStatus status, ReportKind kind) {
}
