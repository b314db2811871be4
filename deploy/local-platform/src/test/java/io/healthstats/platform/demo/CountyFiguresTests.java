package io.healthstats.platform.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CountyFiguresTests {

	private final List<County> counties = County.all(JsonMapper.builder().build());

	@Test
	void coversTheSevenLuanCounties() {
		assertThat(this.counties).extracting(County::code)
			.containsExactly("341502", "341503", "341504", "341522", "341523", "341524", "341525");
	}

	@Test
	void seedCountyKeepsTheSeedFiguresFor2024() {
		Map<String, String> facts = CountyFigures.of(county("341523")).facts2024();

		assertThat(facts).containsEntry("name", "舒城县")
			.containsEntry("institutions", "461")
			.containsEntry("physicians", "1505")
			.containsEntry("nurses", "1548")
			.containsEntry("births", "6685")
			.containsEntry("secondBirths", "3356")
			.containsEntry("secondRatio", "50.20")
			.containsEntry("appointments", "39229")
			.containsEntry("completed", "26071")
			.containsEntry("completionRate", "66.46")
			.containsEntry("childcareSlots", "120")
			.containsEntry("populationWan", "99.78");
	}

	@Test
	void monthlyRowsAddUpToTheYearAndQuartersAreStocks() {
		List<Observation> rows = CountyFigures.of(county("341523")).observations(2024);

		long births = rows.stream().filter(row -> row.indicator().equals("BIRTHS")).mapToLong(Observation::value).sum();
		assertThat(births).isEqualTo(6685);
		assertThat(rows.stream().filter(row -> row.indicator().equals("BIRTHS")).map(Observation::period))
			.containsExactly("202401", "202402", "202403", "202404", "202405", "202406", "202407", "202408", "202409",
					"202410", "202411", "202412");
		assertThat(rows.stream().filter(row -> row.indicator().equals("LICENSED_PHYSICIANS")).map(Observation::period))
			.containsExactly("2024Q1", "2024Q2", "2024Q3", "2024Q4");
		assertThat(rows).filteredOn(row -> row.indicator().equals("LICENSED_PHYSICIANS") && row.period().equals("2024Q4"))
			.extracting(Observation::value)
			.containsExactly(1505L);
		// 12 months × 10 indicators + 4 quarters × 8 indicators
		assertThat(rows).hasSize(152);
	}

	@Test
	void everyIndicatorOfTheCatalogueIsCovered() {
		Set<String> indicators = CountyFigures.of(county("341502"))
			.observations(2025)
			.stream()
			.map(Observation::indicator)
			.collect(Collectors.toSet());

		assertThat(indicators).containsExactlyInAnyOrder("OUTPATIENT_VISITS", "BIRTHS", "SECOND_CHILD_BIRTHS",
				"HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED", "VACCINE_DOSES", "PUBLIC_HEALTH_EMERGENCIES",
				"MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS", "REGISTERED_NURSES", "POPULATION", "CHILDCARE_SLOTS",
				"HEALTH_CHECK_COMPLETION_RATE", "FULL_VACCINATION_RATE", "SECOND_CHILD_BIRTH_RATIO",
				"MATERNAL_SYSTEMATIC_MANAGEMENT_RATE", "PATIENT_SATISFACTION", "INFECTIOUS_DISEASE_REPORT_TIMELINESS");
	}

	@Test
	void rateRowsCarryPartsAndValueRowsAValueOnly() {
		for (County county : this.counties) {
			for (Observation row : CountyFigures.of(county).observations(2025)) {
				if (row.indicator().endsWith("_RATE") || row.indicator().endsWith("_RATIO")
						|| row.indicator().equals("PATIENT_SATISFACTION")
						|| row.indicator().equals("INFECTIOUS_DISEASE_REPORT_TIMELINESS")) {
					assertThat(row.value()).isNull();
					assertThat(row.denominator()).as(row.toString()).isPositive();
					assertThat(row.numerator()).as(row.toString()).isNotNegative();
				}
				else {
					assertThat(row.numerator()).isNull();
					assertThat(row.value()).as(row.toString()).isNotNegative();
				}
			}
		}
	}

	@Test
	void healthCheckCompletionNeverExceedsAppointmentsInAnyMonth() {
		for (County county : this.counties) {
			CountyFigures figures = CountyFigures.of(county);
			for (int month = 0; month < 24; month++) {
				assertThat(figures.checksCompleted[month]).isLessThanOrEqualTo(figures.checkAppointments[month]);
				assertThat(figures.secondChildBirths[month]).isLessThanOrEqualTo(figures.births[month]);
			}
		}
	}

	@Test
	void sameNumbersOnEveryRun() {
		County county = county("341524");
		assertThat(CountyFigures.of(county).observations(2025)).isEqualTo(CountyFigures.of(county).observations(2025));
	}

	@Test
	void countiesDifferFromEachOther() {
		assertThat(CountyFigures.of(county("341502")).facts2024().get("births"))
			.isNotEqualTo(CountyFigures.of(county("341503")).facts2024().get("births"));
	}

	@Test
	void splitsATotalIntoPartsThatSumExactly() {
		assertThat(CountyFigures.allocate(10, new double[] { 1, 1, 1 })).containsExactly(4, 3, 3);
		assertThat(CountyFigures.allocate(6685, new double[] { 1.02, 0.9, 0.95, 0.93, 0.98, 1.0, 1.05, 1.08, 1.1, 1.04,
				0.98, 0.97 }))
			.satisfies(parts -> assertThat(CountyFigures.sum(parts, 0, 12)).isEqualTo(6685));
	}

	private County county(String code) {
		return this.counties.stream().filter(county -> county.code().equals(code)).findFirst().orElseThrow();
	}

}
