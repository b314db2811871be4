package io.healthstats.indicator.period;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	@Test
	void writesMonthsWithTwoDigitsAndQuartersWithQ() {
		assertThat(Period.parse("202401").id()).isEqualTo("202401");
		assertThat(new Period(2024, Granularity.MONTH, 12).id()).isEqualTo("202412");
		assertThat(Period.parse("2024Q3").id()).isEqualTo("2024Q3");
		assertThat(Period.parse("2024").id()).isEqualTo("2024");
		assertThat(new Period(1900, Granularity.MONTH, 1).id()).isEqualTo("190001");
	}

	@Test
	void monthIdsSurviveTheTurnOfTheYear() {
		assertThat(Period.parse("202401").previous().id()).isEqualTo("202312");
		assertThat(Period.parse("202312").next().id()).isEqualTo("202401");
		assertThat(Period.parse("202403").sameLastYear().id()).isEqualTo("202303");
		assertThat(Period.range(Period.parse("2023Q4"), Period.parse("2024Q1"), Granularity.MONTH).stream().map(Period::id))
			.isEqualTo(List.of("202310", "202311", "202312", "202401", "202402", "202403"));
	}

}
