package io.healthstats.platform.demo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of {@code POST /api/v1/observations}: a value for COUNT and STOCK indicators,
 * numerator and denominator for RATE indicators.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Observation(String indicator, String region, String period, Long value, Long numerator, Long denominator) {

	static Observation value(String indicator, String region, String period, long value) {
		return new Observation(indicator, region, period, value, null, null);
	}

	static Observation rate(String indicator, String region, String period, long numerator, long denominator) {
		return new Observation(indicator, region, period, null, numerator, denominator);
	}

}
