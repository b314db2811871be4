package io.healthstats.report.document;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "2024", "2024Q1", "2024Q4", "202401", "202412", "2023" })
	void acceptsYearsQuartersAndMonths(String id) {
		assertThat(PeriodId.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024Q5", "2024Q0", "202413", "202400", "24Q1", "2024-01", "2024q1", "2024W01", "",
			"20241", "1800" })
	void rejectsAnythingElse(String id) {
		assertThat(PeriodId.isValid(id)).isFalse();
	}

}
