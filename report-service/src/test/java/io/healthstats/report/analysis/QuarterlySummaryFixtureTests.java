package io.healthstats.report.analysis;

import org.junit.jupiter.api.Test;

import static io.healthstats.report.analysis.FigureKind.CHANGE;
import static io.healthstats.report.analysis.FigureKind.COUNT;
import static io.healthstats.report.analysis.FigureKind.PERCENT;
import static io.healthstats.report.analysis.FigureKind.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A quarterly summary whose figures are still blanks, like seed 003. */
class QuarterlySummaryFixtureTests {

	private static final String TEXT = Analyzers.fixture("quarterly-summary-2024q1.txt");

	private final Analysis analysis = Analyzers.analyze(TEXT);

	@Test
	void flagsEveryBlankWithItsUnitKindAndIndicator() {
		assertThat(this.analysis.placeholders())
			.extracting(Figure::text, Figure::section, Figure::unit, Figure::kind, Figure::indicator)
			.containsExactly(tuple("XX万人次", "一/(一)", "人次", COUNT, "OUTPATIENT_VISITS"),
					tuple("XX%", "一/(一)", "%", CHANGE, null), // 同比增长XX%
					tuple("XX%", "一/(一)", "%", CHANGE, null), // 接诊量增长XX%
					tuple("X.X%", "一/(一)", "%", PERCENT, "PATIENT_SATISFACTION"),
					tuple("XX个百分点", "一/(一)", "百分点", CHANGE, null),
					tuple("××%", "一/(二)", "%", PERCENT, "INFECTIOUS_DISEASE_REPORT_TIMELINESS"),
					tuple("XX万剂次", "一/(二)", "剂次", COUNT, "VACCINE_DOSES"),
					tuple("XX起", "一/(二)", "起", COUNT, "PUBLIC_HEALTH_EMERGENCIES"),
					tuple("XX万余人次", "一/(三)", "人次", COUNT, null),
					tuple("XX余例", "一/(三)", "例", COUNT, null),
					tuple("XX%", "二/(一)", "%", CHANGE, null),
					tuple("XX%", "二/(一)", "%", TARGET, "PATIENT_SATISFACTION"),
					tuple("X次", "二/(二)", "次", TARGET, null));
		assertThat(this.analysis.placeholders()).extracting(Figure::value).containsOnlyNulls();
	}

	@Test
	void withheldNamesAreNotFigures() {
		// XX人民医院, XX县: the X stands for a name, not a number
		assertThat(this.analysis.figures()).extracting(Figure::text).doesNotContain("XX人", "XX");
		assertThat(this.analysis.figures()).filteredOn(Figure::placeholder).hasSize(13);
	}

	@Test
	void theOnlyRealNumbersAreYearsQuartersAndThePageCount() {
		assertThat(this.analysis.figures()).filteredOn((figure) -> !figure.placeholder())
			.extracting(Figure::text, Figure::kind)
			.containsOnly(tuple("2024年", FigureKind.YEAR), tuple("第一季度", FigureKind.ORDINAL),
					tuple("3页", FigureKind.COUNT));
		assertThat(this.analysis.rates()).isEmpty();
	}

	@Test
	void splitsTheSummaryFromTheNextStepsPlan() {
		assertThat(this.analysis.sections()).extracting(Section::number, Section::title, Section::level, Section::part)
			.containsExactly(tuple("一", "2024年第一季度工作总结", 1, Part.SUMMARY),
					tuple("二", "下一步工作计划", 1, Part.PLAN));
		// full-width parentheses, headings written without a full stop running on into the body
		assertThat(this.analysis.sections().get(0).children()).extracting(Section::number, Section::title)
			.containsExactly(tuple("(一)", "医疗服务提质增效,群众就医更加便捷"), tuple("(二)", "公共卫生防线持续筑牢"),
					tuple("(三)", "健康帮扶成效巩固"));
		assertThat(this.analysis.sections().get(1).children()).extracting(Section::number, Section::title, Section::part)
			.containsExactly(tuple("(一)", "持续提升服务能力", Part.PLAN), tuple("(二)", "筑牢公共卫生防线", Part.PLAN));
	}

	@Test
	void theDocumentTitleRunningIntoTheFirstChapterIsNotASection() {
		// "1、县卫健局…计划一、2024年…": the 1、 is the page number of a one-page scrape
		assertThat(this.analysis.sections().get(0).start()).isEqualTo(TEXT.indexOf("一、2024年第一季度工作总结"));
		assertThat(this.analysis.figures()).filteredOn((figure) -> figure.section().isEmpty())
			.extracting(Figure::text)
			.containsExactly("2024年", "第一季度", "2024年", "第一季度", "3页", "2024年", "第一季度");
	}

}
