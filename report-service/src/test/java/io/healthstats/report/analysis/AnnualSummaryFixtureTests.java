package io.healthstats.report.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.healthstats.report.analysis.FigureKind.AGE;
import static io.healthstats.report.analysis.FigureKind.AMOUNT;
import static io.healthstats.report.analysis.FigureKind.CHANGE;
import static io.healthstats.report.analysis.FigureKind.COUNT;
import static io.healthstats.report.analysis.FigureKind.DATE;
import static io.healthstats.report.analysis.FigureKind.ORDINAL;
import static io.healthstats.report.analysis.FigureKind.PERCENT;
import static io.healthstats.report.analysis.FigureKind.PERMILLE;
import static io.healthstats.report.analysis.FigureKind.TARGET;
import static io.healthstats.report.analysis.FigureKind.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The annual fixture is written like the seeds (a scraped page: header lines, then one long line per page
 * starting with the page number and breaking mid-sentence, OCR slips such as {@code (-)} and {@code %o}), and
 * names every catalogue indicator. Every figure in it is listed here with its value computed by hand.
 */
class AnnualSummaryFixtureTests {

	private static final String TEXT = Analyzers.fixture("annual-summary-2023.txt");

	private final Analysis analysis = Analyzers.analyze(TEXT);

	private record Row(String text, String section, BigDecimal value, String unit, FigureKind kind,
			String indicator) {
	}

	private static Row row(String text, String section, String value, String unit, FigureKind kind,
			String indicator) {
		return new Row(text, section, new BigDecimal(value), unit, kind, indicator);
	}

	private static final List<Row> EXPECTED = List.of(
			// header lines: the file name and the site's blurb
			row("2023年度", "", "2023", "年度", YEAR, null),
			row("2024年", "", "2024", "年", YEAR, null),
			row("2023年度", "", "2023", "年度", YEAR, null),
			row("2024年", "", "2024", "年", YEAR, null),
			row("2023年度", "", "2023", "年度", YEAR, null),
			row("2024年", "", "2024", "年", YEAR, null),
			row("6页", "", "6", "页", COUNT, null),
			// page 1 (its "1、" is a page number, not a figure nor a heading)
			row("2023年度", "", "2023", "年度", YEAR, null),
			row("2024年", "", "2024", "年", YEAR, null),
			row("2023年", "", "2023", "年", YEAR, null),
			row("2023年", "一", "2023", "年", YEAR, null),
			row("2023年", "一/(一)", "2023", "年", YEAR, null),
			row("461个", "一/(一)", "461", "个", COUNT, "MEDICAL_INSTITUTIONS"),
			row("3所", "一/(一)", "3", "所", COUNT, null),
			row("21所", "一/(一)", "21", "所", COUNT, null),
			row("1,505人", "一/(一)", "1505", "人", COUNT, "LICENSED_PHYSICIANS"),
			row("1548人", "一/(一)", "1548", "人", COUNT, "REGISTERED_NURSES"),
			// 每千人口执业(助理)医师: a density, so not the physicians' count
			row("1.51人", "一/(一)", "1.51", "人", COUNT, null),
			// 1.2 × 10^8
			row("1.2亿元", "一/(一)", "120000000", "元", AMOUNT, null),
			// page 2
			row("1台", "一/(一)", "1", "台", COUNT, null),
			row("12月", "一/(二)", "12", "月", DATE, null),
			row("10日", "一/(二)", "10", "日", DATE, null),
			row("24时", "一/(二)", "24", "时", DATE, null),
			row("12周岁", "一/(二)", "12", "周岁", AGE, null),
			row("第一剂", "一/(二)", "1", "剂", ORDINAL, null),
			row("566240剂", "一/(二)", "566240", "剂", COUNT, "VACCINE_DOSES"),
			row("第二剂", "一/(二)", "2", "剂", ORDINAL, null),
			row("534618剂", "一/(二)", "534618", "剂", COUNT, "VACCINE_DOSES"),
			row("第三剂", "一/(二)", "3", "剂", ORDINAL, null),
			row("86135剂", "一/(二)", "86135", "剂", COUNT, "VACCINE_DOSES"),
			// people, not doses: no indicator counts fully vaccinated people
			row("557757人", "一/(二)", "557757", "人", COUNT, null),
			row("100.37%", "一/(二)", "100.37", "%", PERCENT, "FULL_VACCINATION_RATE"),
			// 3-11岁: the range's first number takes the unit written after the second
			row("3", "一/(二)", "3", "岁", AGE, null),
			row("11岁", "一/(二)", "11", "岁", AGE, null),
			row("第一剂", "一/(二)", "1", "剂", ORDINAL, null),
			row("52270剂", "一/(二)", "52270", "剂", COUNT, "VACCINE_DOSES"),
			// a first-dose completion rate: not in the catalogue
			row("83.55%", "一/(二)", "83.55", "%", PERCENT, null),
			row("7.2%", "一/(二)", "7.2", "%", CHANGE, null),
			// full-width digits and point: 150.3 × 10^4
			row("１５０．３万人次", "一/(三)", "1503000", "人次", COUNT, "OUTPATIENT_VISITS"),
			row("３．５％", "一/(三)", "3.5", "%", CHANGE, null),
			row("65岁", "一/(三)/1", "65", "岁", AGE, null),
			row("45", "一/(三)/1", "45", "岁", AGE, null),
			row("64岁", "一/(三)/1", "64", "岁", AGE, null),
			row("11月", "一/(三)/1", "11", "月", DATE, null),
			row("15日", "一/(三)/1", "15", "日", DATE, null),
			row("39229人", "一/(三)/1", "39229", "人", COUNT, "HEALTH_CHECK_APPOINTMENTS"),
			row("26071人", "一/(三)/1", "26071", "人", COUNT, "HEALTH_CHECK_COMPLETED"),
			row("66.46%", "一/(三)/1", "66.46", "%", PERCENT, "HEALTH_CHECK_COMPLETION_RATE"),
			row("96.8%", "一/(三)/2", "96.8", "%", PERCENT, "MATERNAL_SYSTEMATIC_MANAGEMENT_RATE"),
			row("3.1个百分点", "一/(三)/2", "3.1", "百分点", CHANGE, null),
			row("3.2‰", "一/(三)/2", "3.2", "‰", PERMILLE, null),
			row("99.5%", "一/(三)/3", "99.5", "%", PERCENT, "INFECTIOUS_DISEASE_REPORT_TIMELINESS"),
			// page 3: the phrase 突发公共卫生事件 follows the page break
			row("2起", "一/(三)/3", "2", "起", COUNT, "PUBLIC_HEALTH_EMERGENCIES"),
			// 2023统计年度
			row("2023", "一/(四)", "2023", "", YEAR, null),
			row("9月", "一/(四)", "9", "月", DATE, null),
			// 99.78 × 10^4
			row("99.78万人", "一/(四)", "997800", "人", COUNT, "POPULATION"),
			row("6685人", "一/(四)", "6685", "人", COUNT, "BIRTHS"),
			row("3356人", "一/(四)", "3356", "人", COUNT, "SECOND_CHILD_BIRTHS"),
			row("50.20%", "一/(四)", "50.2", "%", PERCENT, "SECOND_CHILD_BIRTH_RATIO"),
			// 14 × 10^4 ("多": some more than)
			row("14多万人次", "一/(四)", "140000", "人次", COUNT, null),
			// 5234 × 10^4
			row("5234万元", "一/(四)", "52340000", "元", AMOUNT, null),
			row("120个", "一/(四)/(1)", "120", "个", COUNT, "CHILDCARE_SLOTS"),
			// 47.9 × 10^4, 39.5 × 10^4, 3.1 × 10^4
			row("47.9万份", "一/(四)/(2)", "479000", "份", COUNT, null),
			row("39.5万人", "一/(四)/(2)", "395000", "人", COUNT, null),
			row("3.1万人", "一/(四)/(2)", "31000", "人", COUNT, null),
			row("95.6%", "一/(五)", "95.6", "%", PERCENT, "PATIENT_SATISFACTION"),
			row("第二批", "一/(五)", "2", "批", ORDINAL, null),
			row("14所", "一/(五)", "14", "所", COUNT, null),
			// the plan part: values are targets, a planned change stays a change
			row("2024年", "二", "2024", "年", YEAR, null),
			// 160 × 10^4
			row("160万人次", "二/(一)", "1600000", "人次", TARGET, "OUTPATIENT_VISITS"),
			row("6%", "二/(一)", "6", "%", CHANGE, null),
			row("95%", "二/(一)", "95", "%", TARGET, "MATERNAL_SYSTEMATIC_MANAGEMENT_RATE"),
			// page 4
			row("65岁", "二/(二)", "65", "岁", AGE, null),
			// 4 × 10^4
			row("4万人", "二/(二)", "40000", "人", TARGET, "HEALTH_CHECK_COMPLETED"),
			row("70%", "二/(二)", "70", "%", TARGET, "HEALTH_CHECK_COMPLETION_RATE"),
			row("200个", "二/(三)", "200", "个", TARGET, "CHILDCARE_SLOTS"),
			// 每千人口托位数: a density
			row("4.5个", "二/(三)", "4.5", "个", TARGET, null),
			// the site's keyword footer spaces the unit off
			row("2023 年度", "二/(三)", "2023", "年度", YEAR, null));

	@Test
	void findsEveryFigureWithItsHandComputedValueUnitKindAndIndicator() {
		assertThat(this.analysis.figures()).extracting(Figure::text)
			.containsExactlyElementsOf(EXPECTED.stream().map(Row::text).toList());
		for (int i = 0; i < EXPECTED.size(); i++) {
			Row expected = EXPECTED.get(i);
			Figure actual = this.analysis.figures().get(i);
			assertThat(actual.value()).as("value of %s (#%d)", expected.text(), i).isEqualByComparingTo(expected.value());
			assertThat(actual).as("figure %s (#%d)", expected.text(), i)
				.extracting(Figure::section, Figure::unit, Figure::kind, Figure::indicator, Figure::placeholder)
				.containsExactly(expected.section(), expected.unit(), expected.kind(), expected.indicator(), false);
		}
	}

	@Test
	void spansPointAtTheFigureAsWritten() {
		assertThat(this.analysis.figures())
			.allSatisfy((figure) -> assertThat(TEXT.substring(figure.start(), figure.end())).isEqualTo(figure.text()));
	}

	@Test
	void mapsEveryCatalogueIndicatorTheReportNames() {
		assertThat(this.analysis.figures().stream().map(Figure::indicator).filter(Objects::nonNull)
			.collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(Analyzers.DICTIONARY.phrases().keySet())
			.hasSize(18);
	}

	@Test
	void yearsDatesAgesAndOrdinalsAreNeverIndicatorValues() {
		assertThat(this.analysis.figures())
			.filteredOn((figure) -> !figure.kind().isValue() && figure.kind() != TARGET)
			.extracting(Figure::indicator)
			.containsOnlyNulls();
	}

	@Test
	void keepsTheSummaryAndThePlanApart() {
		assertThat(this.analysis.sections()).extracting(Section::number, Section::title, Section::part)
			.containsExactly(tuple("一", "2023年工作总结", Part.SUMMARY), tuple("二", "2024年工作打算", Part.PLAN));
		assertThat(this.analysis.sections().get(1).children()).extracting(Section::part).containsOnly(Part.PLAN);
		assertThat(this.analysis.figures()).filteredOn((figure) -> figure.kind() == TARGET)
			.allSatisfy((figure) -> assertThat(figure.section()).startsWith("二"));
	}

	@Test
	void buildsTheSectionTreeAcrossPageBreaksAndOcrSlips() {
		Section summary = this.analysis.sections().get(0);
		assertThat(summary.children()).extracting(Section::number, Section::title, Section::level)
			.containsExactly(tuple("(一)", "医疗卫生资源持续扩容", 2), // written (-)
					tuple("(二)", "疫苗接种有序推进", 2), tuple("(三)", "基本公共卫生服务提质增效", 2),
					tuple("(四)", "人口家庭服务更加健全", 2), tuple("(五)", "服务满意度稳步提升", 2));
		// 1. 2. 3. under (三); the full stop before "2." was scanned as "o"
		assertThat(summary.children().get(2).children()).extracting(Section::number, Section::title, Section::level)
			.containsExactly(tuple("1", "重点人群健康体检", 3), tuple("2", "妇幼健康服务", 3), tuple("3", "传染病防控", 3));
		assertThat(summary.children().get(3).children()).extracting(Section::number, Section::title, Section::level)
			.containsExactly(tuple("(1)", "托育服务", 4), tuple("(2)", "疫情防控", 4));
		// the plan's (二) title continues after the page break "\n4、"
		assertThat(this.analysis.sections().get(1).children()).extracting(Section::title)
			.containsExactly("提升医疗服务能力", "推进重点人群健康体检全覆盖", "发展普惠托育服务");
	}

	@Test
	void sectionsNestAndCoverTheirChildren() {
		Section summary = this.analysis.sections().get(0);
		Section plan = this.analysis.sections().get(1);
		assertThat(summary.start()).isEqualTo(TEXT.indexOf("一、2023年工作总结"));
		assertThat(summary.end()).isEqualTo(plan.start());
		assertThat(plan.end()).isEqualTo(TEXT.length());
		assertThat(summary.children()).allSatisfy((child) -> {
			assertThat(child.start()).isGreaterThanOrEqualTo(summary.start());
			assertThat(child.end()).isLessThanOrEqualTo(summary.end());
		});
		assertThat(summary.children().get(0).start()).isEqualTo(TEXT.indexOf("(-)医疗卫生资源"));
	}

	@Test
	void findsTheNumeratorAndDenominatorOfRatesComputedFromCountsBesideThem() {
		Figure completion = figure("66.46%");
		Figure secondChild = figure("50.20%");
		assertThat(this.analysis.rateParts(completion)).hasValueSatisfying((parts) -> {
			assertThat(parts.numerator()).extracting(Figure::text, Figure::indicator)
				.containsExactly("26071人", "HEALTH_CHECK_COMPLETED");
			assertThat(parts.denominator()).extracting(Figure::text, Figure::indicator)
				.containsExactly("39229人", "HEALTH_CHECK_APPOINTMENTS");
		});
		assertThat(this.analysis.rateParts(secondChild)).hasValueSatisfying((parts) -> {
			assertThat(parts.numerator().text()).isEqualTo("3356人");
			assertThat(parts.denominator().text()).isEqualTo("6685人");
		});
		// stated without the counts they were computed from
		assertThat(this.analysis.rateParts(figure("100.37%"))).isEmpty();
		assertThat(this.analysis.rateParts(figure("96.8%"))).isEmpty();
		assertThat(this.analysis.rates()).hasSize(2);
	}

	@Test
	void hasNoPlaceholders() {
		assertThat(this.analysis.placeholders()).isEmpty();
	}

	private Figure figure(String text) {
		return this.analysis.figures().stream().filter((f) -> f.text().equals(text)).findFirst().orElseThrow();
	}

}
