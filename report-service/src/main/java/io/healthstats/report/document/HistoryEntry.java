package io.healthstats.report.document;

import java.time.Instant;

/**
 * One change of a report, kept for good.
 * @param seq position in the report's history, from 1
 * @param eventId id of the event that announced the change
 * @param action what happened
 * @param from the status before ({@code null} on creation)
 * @param to the status after
 * @param version the text version the change applied to (or produced)
 * @param actor client id of whoever made the change
 * @param actorRegion that client's region
 * @param at when
 * @param comment the reviewer's or author's comment, if any
 */
public record HistoryEntry(int seq, String eventId, ReportAction action, ReportStatus from, ReportStatus to,
		int version, String actor, String actorRegion, Instant at, String comment) {
}
