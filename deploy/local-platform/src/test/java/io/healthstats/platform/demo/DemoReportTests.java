package io.healthstats.platform.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DemoReportTests {

	private final List<County> counties = County.all(JsonMapper.builder().build());

	@Test
	void seedCountyReportQuotesTheSameFiguresAsItsObservations() {
		DemoReport report = DemoReport.annualSummary(CountyFigures.of(county("341523")));

		assertThat(report.title()).isEqualTo("舒城县卫生健康委员会2024年度工作总结及2025年工作打算");
		assertThat(report.region()).isEqualTo("341523");
		assertThat(report.period()).isEqualTo("2024");
		assertThat(report.kind()).isEqualTo("ANNUAL_SUMMARY");
		assertThat(report.text()).contains("全县现有医疗机构461个,执业(助理)医师1505人,注册护士1548人")
			.contains("体检预约39229人,完成体检26071人,完成率66.46%")
			.contains("全年共出生婴儿6685人,其中二孩出生3356人,二孩占比50.20%")
			.contains("备案托位120个")
			.doesNotContain("${");
	}

	@Test
	void districtsSpeakOfTheDistrict() {
		DemoReport report = DemoReport.annualSummary(CountyFigures.of(county("341502")));

		assertThat(report.title()).startsWith("金安区卫生健康委员会");
		assertThat(report.text()).contains("全区现有医疗机构").contains("区委、区政府").doesNotContain("全县");
	}

	@Test
	void everyCountyGetsAReportOfRealisticLength() {
		for (County county : this.counties) {
			String text = DemoReport.annualSummary(CountyFigures.of(county)).text();
			assertThat(text.length()).as(county.name()).isBetween(2000, 7000);
			assertThat(text).contains(county.highlight()).contains(county.plan());
		}
	}

	private County county(String code) {
		return this.counties.stream().filter(county -> county.code().equals(code)).findFirst().orElseThrow();
	}

}
