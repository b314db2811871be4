package io.healthstats.export.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodIdTests {

	@Test
	void acceptsYearsQuartersAndMonths() {
		assertThat(PeriodId.parse("2024")).isEqualTo(new PeriodId(2024, 1, 12));
		assertThat(PeriodId.parse("2024Q2")).isEqualTo(new PeriodId(2024, 4, 6));
		assertThat(PeriodId.parse("202411")).isEqualTo(new PeriodId(2024, 11, 11));
	}

	@Test
	void rejectsWhatTheIndicatorServiceRejects() {
		assertThat(PeriodId.parse("2024Q5")).isNull();
		assertThat(PeriodId.parse("202413")).isNull();
		assertThat(PeriodId.parse("202400")).isNull();
		assertThat(PeriodId.parse("1899")).isNull();
		assertThat(PeriodId.parse("2024-01")).isNull();
		assertThat(PeriodId.parse(" 2024")).isNull();
	}

	@Test
	void ordersByMonthsSoARangeCanBeChecked() {
		assertThat(PeriodId.parse("2024Q4").endMonth()).isLessThan(PeriodId.parse("2025").startMonth());
		assertThat(PeriodId.parse("2024").endMonth()).isEqualTo(PeriodId.parse("202412").endMonth());
	}

}
