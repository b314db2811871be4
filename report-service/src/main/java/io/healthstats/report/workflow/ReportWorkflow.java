package io.healthstats.report.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.healthstats.report.InvalidInputException;
import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.document.ReportContent;
import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.document.ReportKind;
import io.healthstats.report.document.ReportReader;
import io.healthstats.report.document.ReportStatus;
import io.healthstats.report.document.ReportText;
import io.healthstats.report.events.ConcurrentChangeException;
import io.healthstats.report.events.Outbox;
import io.healthstats.report.figure.ReportAnalyses;
import io.healthstats.report.observation.ObservationPlan;
import io.healthstats.report.observation.ObservationPlanner;
import io.healthstats.report.region.Caller;
import io.healthstats.report.region.RegionDirectory;
import io.healthstats.report.region.RegionForbiddenException;

import org.springframework.stereotype.Service;

/**
 * Everything that changes a report: creating and editing it, and the approval workflow
 * DRAFT → SUBMITTED → APPROVED or RETURNED → PUBLISHED. Each change becomes a history entry and
 * an event through the {@link Outbox}.
 */
@Service
public class ReportWorkflow {

	/** Figures a report may hold: a 100-page report has about 3,700 at the density of the seed reports. */
	static final int MAX_FIGURES = 10_000;

	private final ReportReader reader;
	private final RegionDirectory regions;
	private final ReportAnalyses analyses;
	private final ObservationPlanner planner;
	private final Outbox outbox;

	ReportWorkflow(ReportReader reader, RegionDirectory regions, ReportAnalyses analyses, ObservationPlanner planner,
			Outbox outbox) {
		this.reader = reader;
		this.regions = regions;
		this.analyses = analyses;
		this.planner = planner;
		this.outbox = outbox;
	}

	/** A new DRAFT report of {@code region}, which must be the caller's or lie beneath it, and exist. */
	public ReportDocument create(Caller caller, String region, ReportContent content) {
		if (!caller.covers(region)) {
			throw new RegionForbiddenException("Client " + caller.clientId() + " of region " + caller.region()
					+ " may not create reports for region " + region + ", which lies outside its region.");
		}
		if (!this.regions.exists(region, caller)) {
			throw new InvalidInputException("region", "Region " + region + " does not exist.");
		}
		ReportContent normalized = normalize(content);
		Analysis analysis = analyzed(normalized.text());
		ReportDocument report = ReportDocument.created(UUID.randomUUID().toString(), region, normalized,
				analysis.figures().size(), analysis.placeholders().size(), caller.clientId(), caller.region(), now());
		return this.outbox.execute(report);
	}

	/**
	 * Saves a new version of the text.
	 * @param expectedVersion the version the client edited, {@code null} for whatever is current ({@code If-Match: *})
	 */
	public ReportDocument edit(Caller caller, String id, Integer expectedVersion, ReportContent content) {
		ReportDocument report = this.reader.get(caller, id);
		if (!report.status().isEditable()) {
			throw new ReportLockedException("Report " + id + " is " + report.status() + " and cannot be edited"
					+ (report.status() == ReportStatus.SUBMITTED ? " while it is under review; it can be edited again if it is returned."
							: "; approved reports are locked."));
		}
		if (expectedVersion != null && expectedVersion != report.version()) {
			throw new StaleVersionException("Report " + id + " is at version " + report.version()
					+ ", not " + expectedVersion + ": read it again and apply your change to the current version.",
					report.version());
		}
		ReportContent normalized = normalize(content);
		if (normalized.equals(new ReportContent(report.title(), report.period(), report.kind(), report.text()))) {
			return report;
		}
		Analysis analysis = analyzed(normalized.text());
		try {
			return this.outbox.execute(report.edited(normalized, analysis.figures().size(),
					analysis.placeholders().size(), caller.clientId(), caller.region(), now()));
		}
		catch (ConcurrentChangeException ex) {
			// Someone saved while this edit was under way: to the client, its If-Match just went stale.
			int current = this.reader.get(caller, id).version();
			throw new StaleVersionException("Report " + id + " was changed while your edit was being saved; it is now at version "
					+ current + ": read it again and apply your change to the current version.", current);
		}
	}

	/** The report's own region hands it in for review; the answer lists the placeholders still in it. */
	public Transition submit(Caller caller, String id, String comment) {
		ReportDocument report = check(caller, id, Step.SUBMIT);
		ReportDocument submitted = this.outbox.execute(move(report, Step.SUBMIT, caller, comment, null));
		return new Transition(submitted, analysis(submitted).placeholders());
	}

	/** A region above approves: the report is locked and its figures go to the indicator-service. */
	public Transition approve(Caller caller, String id, String comment) {
		ReportDocument report = check(caller, id, Step.APPROVE);
		ObservationPlan transfer = this.planner.plan(analysis(report), subject(report));
		return new Transition(this.outbox.execute(move(report, Step.APPROVE, caller, comment, transfer)), List.of());
	}

	/** A region above sends the report back to its author, saying why. */
	public Transition returnToAuthor(Caller caller, String id, String comment) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", "A returned report needs a comment telling the author what to change.");
		}
		ReportDocument report = check(caller, id, Step.RETURN);
		return new Transition(this.outbox.execute(move(report, Step.RETURN, caller, comment, null)), List.of());
	}

	public Transition publish(Caller caller, String id, String comment) {
		ReportDocument report = check(caller, id, Step.PUBLISH);
		return new Transition(this.outbox.execute(move(report, Step.PUBLISH, caller, comment, null)), List.of());
	}

	/** What approval sent (or, before approval, would send) to the indicator-service, and what not. */
	public Observations observations(Caller caller, String id) {
		ReportDocument report = this.reader.get(caller, id);
		if (report.transfer() != null) {
			return new Observations(report, report.transfer(), true);
		}
		return new Observations(report, this.planner.plan(analysis(report), subject(report)), false);
	}

	private ReportDocument check(Caller caller, String id, Step step) {
		ReportDocument report = this.reader.get(caller, id);
		boolean own = caller.region().equals(report.region());
		if (step.byReviewer && own) {
			throw new WorkflowForbiddenException("Nobody may " + step.verb() + " a report of their own region: report "
					+ id + " belongs to region " + report.region() + ", so a client of a region above it must do that.");
		}
		if (!step.byReviewer && !own) {
			throw new WorkflowForbiddenException("Only a client of region " + report.region() + " may " + step.verb()
					+ " report " + id + "; client " + caller.clientId() + " is of region " + caller.region() + ".");
		}
		if (!step.from.contains(report.status())) {
			throw new InvalidTransitionException("Report " + id + " is " + report.status() + "; only a report that is "
					+ String.join(" or ", step.from.stream().map(Enum::name).sorted().toList()) + " can be "
					+ step.action.pastTense() + ".");
		}
		return report;
	}

	private static ReportDocument move(ReportDocument report, Step step, Caller caller, String comment,
			ObservationPlan transfer) {
		String note = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		return report.moved(step.action, step.to, caller.clientId(), caller.region(), now(), note, transfer);
	}

	/**
	 * The analysis of a new text, refused beyond {@link #MAX_FIGURES}: what approval keeps of each figure (sent or
	 * not, and why) is saved with the report, and a report must stay within MongoDB's 16 MB per document.
	 */
	private Analysis analyzed(String text) {
		Analysis analysis = this.analyses.of(text);
		if (analysis.figures().size() > MAX_FIGURES) {
			throw new InvalidInputException("text", "The document has " + analysis.figures().size()
					+ " figures; a report may hold at most " + MAX_FIGURES + ". Split it, or send the data as observations"
					+ " (POST /api/v1/observations).");
		}
		return analysis;
	}

	private Analysis analysis(ReportDocument report) {
		return this.analyses.of(report.text());
	}

	private static ObservationPlanner.Subject subject(ReportDocument report) {
		return new ObservationPlanner.Subject(report.id(), report.version(), report.region(), report.period(),
				report.kind() == ReportKind.WORK_PLAN);
	}

	private static ReportContent normalize(ReportContent content) {
		return new ReportContent(content.title().strip(), content.period(), content.kind(),
				ReportText.normalize(content.text()));
	}

	/** Milliseconds only: MongoDB keeps no more, and a stored change must compare equal to the one made. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
