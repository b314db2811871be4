package io.healthstats.report.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.analysis.Figure;
import io.healthstats.report.analysis.FigureKind;
import io.healthstats.report.analysis.Part;
import io.healthstats.report.analysis.RateParts;
import io.healthstats.report.analysis.Section;

import org.springframework.stereotype.Component;

/**
 * Decides which figures of a report become observations. A wrong health statistic is worse than
 * none, so a figure travels only when it certainly states the level of a catalogue indicator for the
 * report's own region and period: a mapped count, or a mapped rate together with its numerator and
 * denominator. Everything else stays behind with its reason.
 */
@Component
public class ObservationPlanner {

	private static final int LISTED_CONFLICTS = 5;

	/**
	 * @param analysis the analysis of the version's text
	 * @param report what the observations are about
	 */
	public ObservationPlan plan(Analysis analysis, Subject report) {
		List<SkippedFigure> skipped = new ArrayList<>();
		Map<String, List<Candidate>> byIndicator = new LinkedHashMap<>();
		for (Figure figure : analysis.figures()) {
			Optional<SkipReason> reason = reasonToSkip(figure, analysis, report);
			if (reason.isPresent()) {
				skipped.add(skip(figure, reason.get(), reason.get().description()));
			}
			else {
				Candidate candidate = candidate(figure, analysis, report);
				if (candidate == null) {
					skipped.add(skip(figure, SkipReason.RATE_WITHOUT_PARTS, SkipReason.RATE_WITHOUT_PARTS.description()));
				}
				else if (disagrees(candidate.observation(), figure.kind())) {
					skipped.add(skip(figure, SkipReason.RATE_DISAGREES, SkipReason.RATE_DISAGREES.description() + ": "
							+ candidate.observation().numerator().toPlainString() + " / "
							+ candidate.observation().denominator().toPlainString() + " × " + factor(figure.kind()) + " = "
							+ ratio(candidate.observation(), figure.kind()).toPlainString()));
				}
				else {
					byIndicator.computeIfAbsent(figure.indicator(), (code) -> new ArrayList<>()).add(candidate);
				}
			}
		}
		List<PlannedObservation> observations = new ArrayList<>();
		for (List<Candidate> candidates : byIndicator.values()) {
			Map<List<BigDecimal>, String> distinct = new LinkedHashMap<>();
			candidates.forEach((candidate) -> distinct.putIfAbsent(candidate.values(), candidate.figure().text()));
			if (distinct.size() > 1) {
				String values = conflictingValues(distinct.values());
				for (Candidate candidate : candidates) {
					skipped.add(skip(candidate.figure(), SkipReason.CONFLICTING_VALUES,
							SkipReason.CONFLICTING_VALUES.description() + ": " + values));
				}
			}
			else {
				observations.add(candidates.get(0).observation());
				for (Candidate repeat : candidates.subList(1, candidates.size())) {
					skipped.add(skip(repeat.figure(), SkipReason.REPEATED, SkipReason.REPEATED.description() + " ("
							+ candidates.get(0).figure().text() + " at " + candidates.get(0).figure().start() + ")"));
				}
			}
		}
		observations.sort((a, b) -> Integer.compare(a.source().start(), b.source().start()));
		skipped.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return new ObservationPlan(report.version(), observations, skipped);
	}

	/** The deterministic id of the ingest event of a figure: re-sending it never counts twice. */
	public static String eventId(String reportId, int version, int figureStart) {
		return "report:" + reportId + ":v" + version + ":" + figureStart;
	}

	private Optional<SkipReason> reasonToSkip(Figure figure, Analysis analysis, Subject report) {
		if (figure.placeholder() || figure.value() == null) {
			return Optional.of(SkipReason.PLACEHOLDER);
		}
		FigureKind kind = figure.kind();
		if (kind == FigureKind.CHANGE) {
			return Optional.of(SkipReason.CHANGE);
		}
		if (kind == FigureKind.TARGET) {
			return Optional.of(SkipReason.TARGET);
		}
		if (kind == null || !kind.isValue()) {
			return Optional.of(SkipReason.CONTEXT);
		}
		if (report.plan() || part(analysis.sections(), figure.start()) == Part.PLAN) {
			return Optional.of(SkipReason.PLAN_PART);
		}
		if (figure.indicator() == null || figure.indicator().isBlank()) {
			return Optional.of(SkipReason.NOT_MAPPED);
		}
		if (kind == FigureKind.AMOUNT) {
			return Optional.of(SkipReason.AMOUNT);
		}
		return Optional.empty();
	}

	/** A count as it is; a rate with its parts, or {@code null} when the text lacks them. */
	private Candidate candidate(Figure figure, Analysis analysis, Subject report) {
		String eventId = eventId(report.id(), report.version(), figure.start());
		FigureSource source = source(figure);
		if (figure.kind() == FigureKind.COUNT) {
			return new Candidate(figure, new PlannedObservation(eventId, figure.indicator(), report.region(),
					report.period(), figure.value(), null, null, source, null, null));
		}
		Optional<RateParts> parts = analysis.rateParts(figure).filter(ObservationPlanner::complete);
		return parts
			.map((rate) -> new Candidate(figure,
					new PlannedObservation(eventId, figure.indicator(), report.region(), report.period(), figure.value(),
							rate.numerator().value(), rate.denominator().value(), source, source(rate.numerator()),
							source(rate.denominator()))))
			.orElse(null);
	}

	/**
	 * Whether a stated rate differs from numerator / denominator by more than its own rounding: the
	 * indicator-service would refuse it, and a reader should see why here.
	 */
	private static boolean disagrees(PlannedObservation observation, FigureKind kind) {
		if (observation.numerator() == null) {
			return false;
		}
		BigDecimal stated = observation.value();
		BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Math.max(stated.scale(), 0)).divide(BigDecimal.valueOf(2));
		return stated.subtract(ratio(observation, kind)).abs().compareTo(tolerance) > 0;
	}

	private static BigDecimal ratio(PlannedObservation observation, FigureKind kind) {
		return observation.numerator()
			.multiply(BigDecimal.valueOf(factor(kind)))
			.divide(observation.denominator(), 4, RoundingMode.HALF_UP);
	}

	private static int factor(FigureKind kind) {
		return (kind == FigureKind.PERMILLE) ? 1000 : 100;
	}

	private static boolean complete(RateParts parts) {
		return usable(parts.numerator()) && usable(parts.denominator())
				&& parts.denominator().value().signum() > 0;
	}

	private static boolean usable(Figure figure) {
		return figure != null && !figure.placeholder() && figure.value() != null;
	}

	/** The part of the innermost section around {@code offset}; text before the first section is summary. */
	static Part part(List<Section> sections, int offset) {
		Part part = Part.SUMMARY;
		List<Section> level = sections;
		boolean descended = true;
		while (descended) {
			descended = false;
			for (Section section : level) {
				if (section.start() <= offset && offset < section.end()) {
					if (section.part() != null) {
						part = section.part();
					}
					level = section.children();
					descended = true;
					break;
				}
			}
		}
		return part;
	}

	private static FigureSource source(Figure figure) {
		return new FigureSource(figure.text(), figure.start(), figure.end());
	}

	private static SkippedFigure skip(Figure figure, SkipReason reason, String detail) {
		return new SkippedFigure(figure.text(), figure.start(), figure.end(), figure.section(), figure.value(),
				figure.unit(), figure.indicator(), (figure.kind() != null) ? figure.kind().name() : null, reason, detail);
	}

	/**
	 * The report a plan is for.
	 * @param plan whether the whole document is a work plan, whose figures are all targets
	 */
	public record Subject(String id, int version, String region, String period, boolean plan) {
	}

	private record Candidate(Figure figure, PlannedObservation observation) {

		/** What must agree between two mentions of one indicator; scale-insensitive (66.5 = 66.50). */
		List<BigDecimal> values() {
			return Stream
				.of(this.observation.value(), this.observation.numerator(), this.observation.denominator())
				.map((value) -> (value != null) ? value.stripTrailingZeros() : null)
				.filter(Objects::nonNull)
				.toList();
		}

	}

	/**
	 * The values that disagree, each as first written and at most {@link #LISTED_CONFLICTS} of them. Every
	 * figure's text in every figure's detail grew with the square of their number (100,000 figures of two
	 * values: gigabytes).
	 */
	private static String conflictingValues(Collection<String> distinct) {
		String listed = distinct.stream().limit(LISTED_CONFLICTS).collect(Collectors.joining(", "));
		int more = distinct.size() - LISTED_CONFLICTS;
		return (more > 0) ? listed + " and " + more + " more values" : listed;
	}

}
