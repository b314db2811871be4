package io.healthstats.export.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilenamesTests {

	@Test
	void namesAnExportAfterItsIndicatorRegionAndPeriods() {
		assertThat(Filenames.observations(List.of("门诊诊疗人次"), "六安市", "2024", "2025", "xlsx")).isEqualTo("门诊诊疗人次_六安市_2024-2025.xlsx");
		assertThat(Filenames.observations(List.of("出生人数", "二孩出生人数"), "舒城县", "2024Q1", "2024Q1", "csv"))
			.isEqualTo("出生人数等2项指标_舒城县_2024Q1.csv");
		assertThat(Filenames.observationsAscii(List.of("BIRTHS", "SECOND_CHILD_BIRTHS"), "341523", "2024", "2024", "csv"))
			.isEqualTo("observations_341523_2024.csv");
	}

	@Test
	void keepsCharactersFileSystemsRefuseOutOfReportNames() {
		assertThat(Filenames.report("舒城县/2024:总结?", "docx")).isEqualTo("舒城县_2024_总结_.docx");
		assertThat(Filenames.report("  ", "docx")).isEqualTo("report.docx");
	}

	@Test
	void encodesTheUtf8NameAsRfc5987WithAnAsciiFallback() {
		assertThat(Filenames.contentDisposition("六安 2024.csv", "341500_2024.csv"))
			.isEqualTo("attachment; filename=\"341500_2024.csv\"; filename*=UTF-8''%E5%85%AD%E5%AE%89%202024.csv");
	}

}
