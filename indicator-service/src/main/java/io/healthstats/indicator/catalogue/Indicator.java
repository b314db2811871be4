package io.healthstats.indicator.catalogue;

import java.math.BigDecimal;

/**
 * A catalogue entry.
 * @param code UPPER_SNAKE code, e.g. {@code OUTPATIENT_VISITS}
 * @param nameZh Chinese name as used in reports
 * @param nameEn English name
 * @param unit unit of the value ({@code %} for rates with factor 100)
 * @param kind how it aggregates
 * @param factor multiplier applied to numerator/denominator (rates only, else null)
 * @param numerator the count indicator that measures the numerator (rates only, may be null)
 * @param denominator the count indicator that measures the denominator (rates only, may be null)
 * @param definition what is counted
 */
public record Indicator(String code, String nameZh, String nameEn, String unit, IndicatorKind kind, BigDecimal factor,
		String numerator, String denominator, String definition) {

	public boolean isRate() {
		return this.kind == IndicatorKind.RATE;
	}

}
