package io.healthstats.report.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.healthstats.report.observation.ObservationPlan;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report as stored: its current text and metadata plus its whole history. Earlier texts live in
 * {@link ReportVersionDocument}s. Every change replaces the document on the condition that
 * {@code seq} (the number of history entries) is still what the writer read.
 * @param transfer what approval sent to the indicator-service; {@code null} until approved
 */
@Document(ReportDocument.COLLECTION)
public record ReportDocument(@Id String id, String title, String region, String period, ReportKind kind,
		ReportStatus status, int version, String text, int figureCount, int placeholderCount, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, int seq, List<HistoryEntry> history,
		ObservationPlan transfer) {

	public static final String COLLECTION = "reports";

	public ReportDocument {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/** The id the next change's event gets, so two writers racing for the same change collide on it. */
	public String nextEventId() {
		return eventId(this.id, this.seq + 1);
	}

	public static String eventId(String reportId, int seq) {
		return "report:" + reportId + ":e" + seq;
	}

	public HistoryEntry lastChange() {
		return this.history.get(this.history.size() - 1);
	}

	/**
	 * Whether this report contains exactly that change, not merely one with the same id that another
	 * writer made from the same starting point.
	 */
	public boolean contains(HistoryEntry change) {
		return change.seq() >= 1 && change.seq() <= this.history.size() && this.history.get(change.seq() - 1).equals(change);
	}

	/** The report with a new text version. */
	public ReportDocument edited(ReportContent content, int figures, int placeholders, String actor,
			String actorRegion, Instant at) {
		int newVersion = this.version + 1;
		HistoryEntry entry = new HistoryEntry(this.seq + 1, nextEventId(), ReportAction.UPDATE, this.status,
				this.status, newVersion, actor, actorRegion, at, null);
		return new ReportDocument(this.id, content.title(), this.region, content.period(), content.kind(),
				this.status, newVersion, content.text(), figures, placeholders, this.createdAt, this.createdBy, at,
				actor, this.seq + 1, append(entry), this.transfer);
	}

	/** The report after a workflow step; {@code transfer} replaces the stored one when not {@code null}. */
	public ReportDocument moved(ReportAction action, ReportStatus to, String actor, String actorRegion, Instant at,
			String comment, ObservationPlan transfer) {
		HistoryEntry entry = new HistoryEntry(this.seq + 1, nextEventId(), action, this.status, to, this.version,
				actor, actorRegion, at, comment);
		return new ReportDocument(this.id, this.title, this.region, this.period, this.kind, to, this.version,
				this.text, this.figureCount, this.placeholderCount, this.createdAt, this.createdBy, at, actor,
				this.seq + 1, append(entry), (transfer != null) ? transfer : this.transfer);
	}

	public static ReportDocument created(String id, String region, ReportContent content, int figures,
			int placeholders, String actor, String actorRegion, Instant at) {
		HistoryEntry entry = new HistoryEntry(1, eventId(id, 1), ReportAction.CREATE, null, ReportStatus.DRAFT, 1,
				actor, actorRegion, at, null);
		return new ReportDocument(id, content.title(), region, content.period(), content.kind(), ReportStatus.DRAFT,
				1, content.text(), figures, placeholders, at, actor, at, actor, 1, List.of(entry), null);
	}

	private List<HistoryEntry> append(HistoryEntry entry) {
		List<HistoryEntry> entries = new ArrayList<>(this.history);
		entries.add(entry);
		return entries;
	}

}
