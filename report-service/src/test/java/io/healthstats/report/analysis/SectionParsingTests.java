package io.healthstats.report.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SectionParsingTests {

	private static List<Section> sections(String text) {
		return Analyzers.analyze(text).sections();
	}

	@Test
	void parsesTheFourLevelsIntoATree() {
		String text = "一、工作总结\n（一）医疗服务\n1.门诊服务。门诊量增加。\n(1)专科门诊。\n(2)普通门诊。\n2、住院服务。\n（二）公共卫生\n二、工作计划\n（一）提升能力\n";
		List<Section> sections = sections(text);
		assertThat(sections).extracting(Section::number, Section::title, Section::level, Section::part)
			.containsExactly(tuple("一", "工作总结", 1, Part.SUMMARY), tuple("二", "工作计划", 1, Part.PLAN));
		Section services = sections.get(0).children().get(0);
		assertThat(sections.get(0).children()).extracting(Section::number).containsExactly("(一)", "(二)");
		assertThat(services.children()).extracting(Section::number, Section::title, Section::level)
			.containsExactly(tuple("1", "门诊服务", 3), tuple("2", "住院服务", 3));
		assertThat(services.children().get(0).children()).extracting(Section::number, Section::title, Section::level)
			.containsExactly(tuple("(1)", "专科门诊", 4), tuple("(2)", "普通门诊", 4));
		assertThat(sections.get(1).children()).extracting(Section::title, Section::part)
			.containsExactly(tuple("提升能力", Part.PLAN));
	}

	@Test
	void findsHeadingsInTheMiddleOfASingleLine() {
		String text = "现将有关情况汇报如下:一、2023年工作总结(一)坚持党建引领。内容。(二)落实疫情防控。内容。二、2024年工作打算(一)深化改革。";
		List<Section> sections = sections(text);
		assertThat(sections).extracting(Section::number, Section::title, Section::part)
			.containsExactly(tuple("一", "2023年工作总结", Part.SUMMARY), tuple("二", "2024年工作打算", Part.PLAN));
		assertThat(sections.get(0).children()).extracting(Section::title).containsExactly("坚持党建引领", "落实疫情防控");
		assertThat(sections.get(0).start()).isEqualTo(text.indexOf("一、"));
		assertThat(sections.get(0).end()).isEqualTo(text.indexOf("二、"));
		assertThat(sections.get(1).end()).isEqualTo(text.length());
	}

	@Test
	void toleratesOcrDashForOneAndDebrisBeforeAHeading() {
		String text = "一、工作总结(-)党建引领。加强针17477齐(1(二)医共体建设。";
		assertThat(sections(text).get(0).children()).extracting(Section::number, Section::title)
			.containsExactly(tuple("(一)", "党建引领"), tuple("(二)", "医共体建设"));
	}

	@Test
	void knowsTheNextStepsPartByItsTitle() {
		assertThat(sections("一、一季度工作总结。二、下一步工作安排。三、存在问题。")).extracting(Section::title, Section::part)
			.containsExactly(tuple("一季度工作总结", Part.SUMMARY), tuple("下一步工作安排", Part.PLAN),
					tuple("存在问题", Part.SUMMARY));
	}

	@Test
	void numeralsInRunningTextAreNotHeadings() {
		// out of sequence, inside words, or Arabic numbers in the middle of a clause
		String text = "一、工作总结。推进统一、规范管理,完成第一、二剂接种,开展三、四级手术,共3、4个批次。(三)不是标题。";
		List<Section> sections = sections(text);
		assertThat(sections).hasSize(1);
		assertThat(sections.get(0).children()).isEmpty();
	}

	@Test
	void aTextWithoutNumberingHasNoSectionsAndItsFiguresNoSectionPath() {
		Analysis analysis = Analyzers.analyze("全县共有医疗机构461个。");
		assertThat(analysis.sections()).isEmpty();
		assertThat(analysis.figures()).extracting(Figure::section).containsExactly("");
		assertThat(Analyzers.analyze("").figures()).isEmpty();
	}

	@Test
	void pageNumbersOfAScrapedDocumentAreNeitherHeadingsNorFigures() {
		String line = "接种工作有序推进,累计完成目标人群第一剂接种566240剂,第二剂534618剂,第三剂86135剂,完成全程接种557757人,全程接种率100.37%,各乡镇接种点运行平稳,群众";
		String text = "《XX县卫健委2023年度工作总结》由会员分享。\r\n1、一、工作总结(一)疫苗接种。" + line + "\r\n2、满意度持续提升。(二)医共体建设。";
		Analysis analysis = Analyzers.analyze(text);
		assertThat(analysis.sections()).extracting(Section::number).containsExactly("一");
		assertThat(analysis.sections().get(0).children()).extracting(Section::number, Section::title)
			.containsExactly(tuple("(一)", "疫苗接种"), tuple("(二)", "医共体建设"));
		assertThat(analysis.figures()).extracting(Figure::text).doesNotContain("1", "2");
	}

}
