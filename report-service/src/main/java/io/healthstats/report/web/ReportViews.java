package io.healthstats.report.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.analysis.Figure;
import io.healthstats.report.analysis.Section;
import io.healthstats.report.document.HistoryEntry;
import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.document.ReportVersionDocument;
import io.healthstats.report.observation.PlannedObservation;
import io.healthstats.report.observation.SkippedFigure;
import io.healthstats.report.workflow.Observations;
import io.swagger.v3.oas.annotations.media.Schema;

/** Response bodies, built from the stored report and its analysis; never the stored documents themselves. */
final class ReportViews {

	private ReportViews() {
	}

	@Schema(description = "A report with its sections and history")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReportView(@Schema(example = "3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10") String id,
			@Schema(example = "舒城县卫健委2024年第一季度工作总结") String title, @Schema(example = "341523") String region,
			@Schema(example = "2024Q1") String period, @Schema(example = "QUARTERLY_SUMMARY") String kind,
			@Schema(example = "DRAFT") String status, @Schema(example = "1") int version,
			@Schema(description = "numbers found in the text") int figureCount,
			@Schema(description = "figures still written as XX, ××, X.X …") int placeholderCount, Instant createdAt,
			String createdBy, Instant updatedAt, String updatedBy, List<SectionView> sections,
			List<HistoryView> history,
			@Schema(description = "on submission: what is still missing") List<WarningView> warnings, String text) {

		static ReportView of(ReportDocument report, Analysis analysis, List<WarningView> warnings) {
			return new ReportView(report.id(), report.title(), report.region(), report.period(), report.kind().name(),
					report.status().name(), report.version(), report.figureCount(), report.placeholderCount(),
					report.createdAt(), report.createdBy(), report.updatedAt(), report.updatedBy(),
					SectionView.of(analysis.sections()), HistoryView.of(report.history()), warnings, report.text());
		}

	}

	@Schema(description = "A report in a list (without text, sections and history)")
	record ReportSummary(String id, String title, String region, String period, String kind, String status,
			int version, int figureCount, int placeholderCount, Instant updatedAt, String updatedBy) {

		static ReportSummary of(ReportDocument report) {
			return new ReportSummary(report.id(), report.title(), report.region(), report.period(), report.kind().name(),
					report.status().name(), report.version(), report.figureCount(), report.placeholderCount(),
					report.updatedAt(), report.updatedBy());
		}

	}

	@Schema(description = "A numbered section (一、 (一) 1. (1)) with its sub-sections")
	record SectionView(@Schema(example = "(一)") String number, @Schema(example = "医疗卫生服务持续优化") String title,
			int level, int start, int end, @Schema(example = "SUMMARY") String part, List<SectionView> children) {

		static List<SectionView> of(List<Section> sections) {
			return sections.stream()
				.map((section) -> new SectionView(section.number(), section.title(), section.level(), section.start(),
						section.end(), (section.part() != null) ? section.part().name() : null, of(section.children())))
				.toList();
		}

	}

	@Schema(description = "A number found in the text")
	record FigureView(@Schema(example = "39.5万人") String text, int start, int end,
			@Schema(example = "一/(二)") String section, @Schema(example = "395000") BigDecimal value,
			@Schema(example = "人") String unit, @Schema(example = "HEALTH_CHECK_COMPLETED") String indicator,
			@Schema(example = "COUNT") String kind, boolean placeholder) {

		static List<FigureView> of(List<Figure> figures) {
			return figures.stream()
				.map((figure) -> new FigureView(figure.text(), figure.start(), figure.end(), figure.section(),
						figure.value(), figure.unit(), figure.indicator(),
						(figure.kind() != null) ? figure.kind().name() : null, figure.placeholder()))
				.toList();
		}

	}

	@Schema(description = "One change of the report")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HistoryView(int seq, @Schema(example = "APPROVE") String action, @Schema(example = "SUBMITTED") String from,
			@Schema(example = "APPROVED") String to, int version, @Schema(example = "city-341500") String actor,
			@Schema(example = "341500") String actorRegion, Instant at,
			@Schema(example = "数据核实无误,同意。") String comment, String eventId) {

		static List<HistoryView> of(List<HistoryEntry> history) {
			return history.stream()
				.map((entry) -> new HistoryView(entry.seq(), entry.action().name(),
						(entry.from() != null) ? entry.from().name() : null, entry.to().name(), entry.version(),
						entry.actor(), entry.actorRegion(), entry.at(), entry.comment(), entry.eventId()))
				.toList();
		}

	}

	@Schema(description = "Something the author should look at before the report is approved")
	record WarningView(@Schema(example = "PLACEHOLDER") String type, @Schema(example = "XX万人次") String text,
			int start, int end, @Schema(example = "一/(一)") String section, @Schema(example = "人次") String unit,
			@Schema(example = "Placeholder XX万人次 in section 一/(一) has no value yet.") String message) {

		static List<WarningView> placeholders(List<Figure> placeholders) {
			return placeholders.stream()
				.map((figure) -> new WarningView("PLACEHOLDER", figure.text(), figure.start(), figure.end(),
						figure.section(), figure.unit(),
						"Placeholder " + figure.text()
								+ ((figure.section() != null && !figure.section().isEmpty()) ? " in section " + figure.section() : "")
								+ " has no value yet."))
				.toList();
		}

	}

	@Schema(description = "One saved version of a report")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record VersionView(String reportId, int version, String title, String region, String period, String kind,
			int figureCount, int placeholderCount, Instant savedAt, String savedBy, String text) {

		static VersionView of(ReportVersionDocument version) {
			return new VersionView(version.reportId(), version.version(), version.title(), version.region(),
					version.period(), version.kind().name(), version.figureCount(), version.placeholderCount(),
					version.savedAt(), version.savedBy(), version.text());
		}

	}

	@Schema(description = "A report's figures compared with the observations they give the indicator-service")
	record ObservationsView(String reportId, int version, String status,
			@Schema(description = "true once approved: these observations were sent; false: a preview") boolean transferred,
			List<PlannedObservation> observations,
			@Schema(description = "every other figure, with the reason it is not sent") List<SkippedFigure> notTransferred) {

		static ObservationsView of(Observations observations) {
			return new ObservationsView(observations.report().id(), observations.plan().version(),
					observations.report().status().name(), observations.transferred(),
					observations.plan().observations(), observations.plan().skipped());
		}

	}

}
