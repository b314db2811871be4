package io.healthstats.report.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FigureExtractionTests {

	private static List<Figure> figures(String text) {
		return Analyzers.analyze(text).figures();
	}

	private static Figure only(String text) {
		List<Figure> figures = figures(text);
		assertThat(figures).as("figures of %s", text).hasSize(1);
		return figures.get(0);
	}

	@ParameterizedTest(name = "{0} → {2} {3} {4}")
	@CsvSource(delimiter = '|', textBlock = """
			累计开展核酸检测39.5万人。          | 39.5万人      | 395000    | 人   | COUNT
			发放资金5234万元。                  | 5234万元      | 52340000  | 元   | AMOUNT
			争取项目资金1.2亿元。               | 1.2亿元       | 120000000 | 元   | AMOUNT
			全程完成率100.37%。                 | 100.37%       | 100.37    | %    | PERCENT
			婴儿死亡率3.2‰。                    | 3.2‰          | 3.2       | ‰    | PERMILLE
			执业(助理)医师1,505人。             | 1,505人       | 1505      | 人   | COUNT
			执业(助理)医师１５０５人。          | １５０５人    | 1505      | 人   | COUNT
			完成率６６．４６％。                | ６６．４６％  | 66.46     | %    | PERCENT
			共有医师１，５０５人。              | １，５０５人  | 1505      | 人   | COUNT
			门诊诊疗人次150.3万人次。           | 150.3万人次   | 1503000   | 人次 | COUNT
			兑现奖励政策14多万人次。            | 14多万人次    | 140000    | 人次 | COUNT
			接种疫苗0.5万剂次。                 | 0.5万剂次     | 5000      | 剂次 | COUNT
			新增床位1200张。                    | 1200张        | 1200      | 张   | COUNT
			开展义诊36场。                      | 36场          | 36        | 场   | COUNT
			同比增长7.2%。                      | 7.2%          | 7.2       | %    | CHANGE
			发生率同比下降0.35%。               | 0.35%         | 0.35      | %    | CHANGE
			管理率比上年提高3.1个百分点。       | 3.1个百分点   | 3.1       | 百分点 | CHANGE
			门诊量较上年增加了1200人次。        | 1200人次      | 1200      | 人次 | CHANGE
			管理率提高到95%。                   | 95%           | 95        | %    | PERCENT
			""")
	void normalizesValueAndUnit(String text, String figure, String value, String unit, FigureKind kind) {
		Figure f = only(text);
		assertThat(f.text()).isEqualTo(figure);
		assertThat(f.value()).isEqualByComparingTo(value);
		assertThat(f.value().scale()).as("never in exponent form").isGreaterThanOrEqualTo(0);
		assertThat(f.unit()).isEqualTo(unit);
		assertThat(f.kind()).isEqualTo(kind);
		assertThat(f.placeholder()).isFalse();
	}

	@Test
	void keepsFullPrecision() {
		assertThat(only("全县总人口99.78万人。").value().toPlainString()).isEqualTo("997800");
		assertThat(only("二孩出生率50.20%。").value().toPlainString()).isEqualTo("50.2");
		assertThat(only("完成率66.4585%。").value().toPlainString()).isEqualTo("66.4585");
	}

	@Test
	void classifiesYearsDatesAgesAndOrdinalsAsContext() {
		assertThat(figures("截至2023年12月10日24时,65岁及以上老年人和45-64岁人群第一剂接种566240剂,第二批33家单位。"))
			.extracting(Figure::text, Figure::value, Figure::unit, Figure::kind, Figure::indicator)
			.containsExactly(tuple("2023年", bd("2023"), "年", FigureKind.YEAR, null),
					tuple("12月", bd("12"), "月", FigureKind.DATE, null),
					tuple("10日", bd("10"), "日", FigureKind.DATE, null),
					tuple("24时", bd("24"), "时", FigureKind.DATE, null),
					tuple("65岁", bd("65"), "岁", FigureKind.AGE, null),
					tuple("45", bd("45"), "岁", FigureKind.AGE, null),
					tuple("64岁", bd("64"), "岁", FigureKind.AGE, null),
					tuple("第一剂", bd("1"), "剂", FigureKind.ORDINAL, null),
					tuple("566240剂", bd("566240"), "剂", FigureKind.COUNT, "VACCINE_DOSES"),
					tuple("第二批", bd("2"), "批", FigureKind.ORDINAL, null),
					tuple("33家", bd("33"), "家", FigureKind.COUNT, null));
	}

	@Test
	void durationsAndBareNumbersAreOther() {
		assertThat(figures("连续3年开展培训,每期3个月,服务时长是原来的2倍,编号17477。"))
			.extracting(Figure::text, Figure::kind)
			.containsExactly(tuple("3年", FigureKind.OTHER), tuple("3个月", FigureKind.OTHER),
					tuple("2倍", FigureKind.OTHER), tuple("17477", FigureKind.OTHER));
	}

	@Test
	void aRangeSharesTheMultiplierAndUnitWrittenAtItsEnd() {
		assertThat(figures("覆盖人群3-5万人。")).extracting(Figure::text, Figure::value, Figure::unit)
			.containsExactly(tuple("3", bd("30000"), "人"), tuple("5万人", bd("50000"), "人"));
	}

	@Test
	void flagsPlaceholdersAndStillReadsTheirUnits() {
		assertThat(figures("共接诊患者XX万人次,同比增长XX%,患者满意度达到X.X%,传染病报告及时率××%,处置XX起突发公共卫生事件,发现疾病XX余例。"))
			.extracting(Figure::text, Figure::value, Figure::unit, Figure::kind, Figure::indicator, Figure::placeholder)
			.containsExactly(tuple("XX万人次", null, "人次", FigureKind.COUNT, "OUTPATIENT_VISITS", true),
					tuple("XX%", null, "%", FigureKind.CHANGE, null, true),
					tuple("X.X%", null, "%", FigureKind.PERCENT, "PATIENT_SATISFACTION", true),
					tuple("××%", null, "%", FigureKind.PERCENT, "INFECTIOUS_DISEASE_REPORT_TIMELINESS", true),
					tuple("XX起", null, "起", FigureKind.COUNT, "PUBLIC_HEALTH_EMERGENCIES", true),
					tuple("XX余例", null, "例", FigureKind.COUNT, null, true));
	}

	@Test
	void withheldNamesAndLatinCodesAreNotFigures() {
		assertThat(figures("XX县XX人民医院推进“健康XX”建设,开展H7N9和COVID-19监测,建成5G网络。")).isEmpty();
	}

	@Test
	void aRunOfMoreDigitsThanAnyStatisticHasIsNotAFigure() {
		// parsing a million-digit run took 22 s of CPU in one request
		String digits = "7".repeat(200_000);
		assertThat(figures("全年门诊" + digits + "人次，住院" + "1".repeat(21) + "人次，急诊2." + "3".repeat(21) + "万人次，出院1200人次。"))
			.extracting(Figure::text)
			.containsExactly("1200人次");
		assertThat(only("全年门诊" + "9".repeat(20) + "." + "5".repeat(20) + "人次。").value())
			.isEqualByComparingTo("9".repeat(20) + "." + "5".repeat(20));
	}

	@Test
	void numbersOfHeadingsAreStructureNotFigures() {
		assertThat(figures("一、工作总结(一)医疗服务。1.门诊。(1)门诊量。接诊120人次。"))
			.extracting(Figure::text, Figure::section)
			.containsExactly(tuple("120人次", "一/(一)/1/(1)"));
	}

	@Test
	void mapsAFigureOnlyToAnIndicatorItsUnitFits() {
		// 接种 names vaccine doses, but people are not doses
		assertThat(only("完成全程接种557757人。").indicator()).isNull();
		// 医疗机构 names a stock of institutions, but 人次 are visits
		assertThat(only("全县基层医疗机构共接诊患者39.5万人次。").indicator()).isEqualTo("OUTPATIENT_VISITS");
		// a % figure maps only to a rate: the institutions' count cannot be 12%
		assertThat(only("医疗机构数量增幅12%以上,").indicator()).isNull();
	}

	@Test
	void namesOutpatientVisitsTheWayCountiesWriteThem() {
		assertThat(figures("全年门诊诊疗410.50万人次,诊疗患者12.3万人次。")).extracting(Figure::value, Figure::indicator)
			.containsExactly(tuple(new java.math.BigDecimal("4105000"), "OUTPATIENT_VISITS"),
					tuple(new java.math.BigDecimal("123000"), "OUTPATIENT_VISITS"));
	}

	@Test
	void aTargetInThePlanPartIsATargetWhateverItsWording() {
		assertThat(figures("一、工作总结\n全县体检完成率66.46%。\n二、下一步工作计划\n体检完成率保持在95%以上,门诊诊疗人次力争达到420万人次。"))
			.extracting(Figure::text, Figure::kind, Figure::indicator)
			.containsExactly(tuple("66.46%", FigureKind.PERCENT, "HEALTH_CHECK_COMPLETION_RATE"),
					tuple("95%", FigureKind.TARGET, "HEALTH_CHECK_COMPLETION_RATE"),
					tuple("420万人次", FigureKind.TARGET, "OUTPATIENT_VISITS"));
	}

	@Test
	void prefersTheMostSpecificPhraseNearestTheFigure() {
		assertThat(figures("全县共出生婴儿6685人,其中二孩出生3356人,二孩出生率50.20%。"))
			.extracting(Figure::indicator)
			.containsExactly("BIRTHS", "SECOND_CHILD_BIRTHS", "SECOND_CHILD_BIRTH_RATIO");
		assertThat(figures("全县医疗机构461个,执业(助理)医师1505人、注册护士1548人。"))
			.extracting(Figure::indicator)
			.containsExactly("MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS", "REGISTERED_NURSES");
	}

	@Test
	void aCompletionRateNeedsItsSubjectInTheSentence() {
		assertThat(figures("体检预约39229人,完成体检26071人,完成率66.46%。")).extracting(Figure::indicator)
			.containsExactly("HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED", "HEALTH_CHECK_COMPLETION_RATE");
		assertThat(figures("第一剂接种52270剂,完成率83.55%。")).extracting(Figure::text, Figure::indicator)
			.containsExactly(tuple("第一剂", null), tuple("52270剂", "VACCINE_DOSES"), tuple("83.55%", null));
	}

	@Test
	void densitiesAndAveragesAreNotTheIndicator() {
		assertThat(only("每千人口执业(助理)医师2.8人。").indicator()).isNull();
		assertThat(only("每千人口拥有托位4.5个。").indicator()).isNull();
	}

	@Test
	void readsThePhraseAfterTheFigureWhenNothingStandsBeforeIt() {
		assertThat(only("成功处置了3起突发公共卫生事件。").indicator()).isEqualTo("PUBLIC_HEALTH_EMERGENCIES");
		assertThat(only("辖区内有461个医疗机构。").indicator()).isEqualTo("MEDICAL_INSTITUTIONS");
	}

	private static java.math.BigDecimal bd(String value) {
		return new java.math.BigDecimal(value);
	}

}
