package io.healthstats.report.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.analysis.Figure;
import io.healthstats.report.analysis.FigureKind;
import io.healthstats.report.analysis.Part;
import io.healthstats.report.analysis.RateParts;
import io.healthstats.report.analysis.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Figures as the analysis reports them for a text like
 * "一、工作总结 …执业(助理)医师1512人,同比增长3.2%…体检预约28516人,完成体检24390人,完成率85.53%…
 * 患者满意度96.2%…门诊XX万人次… 二、工作计划 …力争执业(助理)医师达到1600人".
 */
class ObservationPlannerTests {

	private static final ObservationPlanner.Subject REPORT = new ObservationPlanner.Subject("r1", 2, "341523", "2024Q1",
			false);

	private static final Section SUMMARY = new Section("一", "工作总结", 1, 0, 200, Part.SUMMARY, List.of());

	private static final Section PLAN = new Section("二", "工作计划", 1, 200, 300, Part.PLAN, List.of());

	private final ObservationPlanner planner = new ObservationPlanner();

	private final Figure physicians = figure("1512人", 20, "1512", "人", "LICENSED_PHYSICIANS", FigureKind.COUNT);

	private final Figure change = figure("3.2%", 30, "3.2", "%", null, FigureKind.CHANGE);

	private final Figure appointments = figure("28516人", 50, "28516", "人", "HEALTH_CHECK_APPOINTMENTS", FigureKind.COUNT);

	private final Figure completed = figure("24390人", 62, "24390", "人", "HEALTH_CHECK_COMPLETED", FigureKind.COUNT);

	private final Figure completionRate = figure("85.53%", 72, "85.53", "%", "HEALTH_CHECK_COMPLETION_RATE",
			FigureKind.PERCENT);

	private final Figure satisfaction = figure("96.2%", 90, "96.2", "%", "PATIENT_SATISFACTION", FigureKind.PERCENT);

	private final Figure visits = new Figure("XX万人次", 110, 115, "一", null, "人次", "OUTPATIENT_VISITS", FigureKind.COUNT,
			true);

	private final Figure planned = figure("1600人", 230, "1600", "人", "LICENSED_PHYSICIANS", FigureKind.COUNT);

	@Test
	void sendsMappedCountsAndRatesWithTheirPartsOnly() {
		ObservationPlan plan = this.planner.plan(analysis(), REPORT);

		assertThat(plan.observations()).extracting(PlannedObservation::indicator, PlannedObservation::value,
				PlannedObservation::numerator, PlannedObservation::denominator)
			.containsExactly(tuple("LICENSED_PHYSICIANS", new BigDecimal("1512"), null, null),
					tuple("HEALTH_CHECK_APPOINTMENTS", new BigDecimal("28516"), null, null),
					tuple("HEALTH_CHECK_COMPLETED", new BigDecimal("24390"), null, null),
					tuple("HEALTH_CHECK_COMPLETION_RATE", new BigDecimal("85.53"), new BigDecimal("24390"),
							new BigDecimal("28516")));
	}

	@Test
	void observationsCarryTheReportsRegionPeriodAndADeterministicId() {
		PlannedObservation first = this.planner.plan(analysis(), REPORT).observations().get(0);

		assertThat(first.eventId()).isEqualTo("report:r1:v2:20");
		assertThat(first.region()).isEqualTo("341523");
		assertThat(first.period()).isEqualTo("2024Q1");
		assertThat(first.source()).isEqualTo(new FigureSource("1512人", 20, 25));
		assertThat(this.planner.plan(analysis(), REPORT)).isEqualTo(this.planner.plan(analysis(), REPORT));
	}

	@Test
	void keepsChangesPlaceholdersBareRatesAndPlanFiguresBehindWithTheirReason() {
		ObservationPlan plan = this.planner.plan(analysis(), REPORT);

		assertThat(plan.skipped()).extracting(SkippedFigure::text, SkippedFigure::reason)
			.containsExactly(tuple("3.2%", SkipReason.CHANGE), tuple("96.2%", SkipReason.RATE_WITHOUT_PARTS),
					tuple("XX万人次", SkipReason.PLACEHOLDER), tuple("1600人", SkipReason.PLAN_PART));
	}

	@Test
	void sendsNothingOfAWorkPlan() {
		ObservationPlanner.Subject workPlan = new ObservationPlanner.Subject("r1", 1, "341523", "2024", true);

		ObservationPlan plan = this.planner.plan(analysis(), workPlan);

		assertThat(plan.observations()).isEmpty();
		assertThat(plan.skipped()).extracting(SkippedFigure::text, SkippedFigure::reason)
			.contains(tuple("1512人", SkipReason.PLAN_PART));
	}

	@Test
	void keepsARateThatDisagreesWithItsPartsBehind() {
		// 24390 / 28516 × 100 = 85.5309…: 85.53 agrees, 88.53 does not.
		Figure wrong = figure("88.53%", 72, "88.53", "%", "HEALTH_CHECK_COMPLETION_RATE", FigureKind.PERCENT);
		Analysis analysis = new Analysis(List.of(SUMMARY), List.of(this.appointments, this.completed, wrong),
				List.of(new RateParts(wrong, this.completed, this.appointments)));

		ObservationPlan plan = this.planner.plan(analysis, REPORT);

		assertThat(plan.observations()).extracting(PlannedObservation::indicator)
			.containsExactly("HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED");
		assertThat(plan.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.reason()).isEqualTo(SkipReason.RATE_DISAGREES);
			assertThat(skipped.detail()).endsWith("24390 / 28516 × 100 = 85.5309");
		});
	}

	@Test
	void sendsNoneOfTwoDifferentValuesForOneIndicator() {
		Figure firstDose = figure("566240剂", 10, "566240", "剂", "VACCINE_DOSES", FigureKind.COUNT);
		Figure secondDose = figure("534618剂", 30, "534618", "剂", "VACCINE_DOSES", FigureKind.COUNT);

		ObservationPlan plan = this.planner.plan(new Analysis(List.of(SUMMARY), List.of(firstDose, secondDose)), REPORT);

		assertThat(plan.observations()).isEmpty();
		assertThat(plan.skipped()).extracting(SkippedFigure::reason)
			.containsExactly(SkipReason.CONFLICTING_VALUES, SkipReason.CONFLICTING_VALUES);
		assertThat(plan.skipped().get(0).detail()).contains("566240剂, 534618剂");
	}

	@Test
	void namesEachConflictingValueOnceAndAtMostFive() {
		List<Figure> doses = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			String value = Integer.toString(500_000 + i % 7);
			doses.add(figure(value + "剂", 10 + 20 * i, value, "剂", "VACCINE_DOSES", FigureKind.COUNT));
		}

		ObservationPlan plan = this.planner.plan(new Analysis(List.of(SUMMARY), doses), REPORT);

		assertThat(plan.observations()).isEmpty();
		assertThat(plan.skipped()).hasSize(3_000).allSatisfy((skipped) -> assertThat(skipped.detail())
			.endsWith(": 500000剂, 500001剂, 500002剂, 500003剂, 500004剂 and 2 more values"));
	}

	@Test
	void sendsARepeatedValueOnceFromItsFirstMention() {
		Figure again = figure("1,512人", 150, "1512", "人", "LICENSED_PHYSICIANS", FigureKind.COUNT);

		ObservationPlan plan = this.planner.plan(new Analysis(List.of(SUMMARY), List.of(this.physicians, again)), REPORT);

		assertThat(plan.observations()).extracting(PlannedObservation::eventId).containsExactly("report:r1:v2:20");
		assertThat(plan.skipped()).extracting(SkippedFigure::reason).containsExactly(SkipReason.REPEATED);
	}

	@Test
	void leavesUnmappedCountsAndMoneyBehind() {
		Figure staff = figure("191人", 10, "191", "人", null, FigureKind.COUNT);
		Figure money = figure("5234万元", 30, "52340000", "元", "SOME_FUNDING", FigureKind.AMOUNT);
		Figure year = figure("2023年", 50, "2023", "年", null, FigureKind.YEAR);

		ObservationPlan plan = this.planner.plan(new Analysis(List.of(SUMMARY), List.of(staff, money, year)), REPORT);

		assertThat(plan.observations()).isEmpty();
		assertThat(plan.skipped()).extracting(SkippedFigure::reason)
			.containsExactly(SkipReason.NOT_MAPPED, SkipReason.AMOUNT, SkipReason.CONTEXT);
	}

	@Test
	void findsThePartOfNestedSections() {
		Section child = new Section("(一)", "目标", 2, 220, 260, null, List.of());
		Section plan = new Section("二", "计划", 1, 200, 300, Part.PLAN, List.of(child));

		assertThat(ObservationPlanner.part(List.of(SUMMARY, plan), 230)).isEqualTo(Part.PLAN);
		assertThat(ObservationPlanner.part(List.of(SUMMARY, plan), 10)).isEqualTo(Part.SUMMARY);
		assertThat(ObservationPlanner.part(List.of(), 10)).isEqualTo(Part.SUMMARY);
	}

	private Analysis analysis() {
		List<Figure> figures = List.of(this.physicians, this.change, this.appointments, this.completed,
				this.completionRate, this.satisfaction, this.visits, this.planned);
		return new Analysis(List.of(SUMMARY, PLAN), figures,
				List.of(new RateParts(this.completionRate, this.completed, this.appointments)));
	}

	private static Figure figure(String text, int start, String value, String unit, String indicator, FigureKind kind) {
		return new Figure(text, start, start + text.length(), start < 200 ? "一" : "二", new BigDecimal(value), unit,
				indicator, kind, false);
	}

}
