package io.healthstats.export.format;

import java.math.BigDecimal;

/**
 * One exported observation: the latest value of an indicator × region × period, with the names a
 * reader needs beside the codes.
 * @param numerator only for rates
 * @param denominator only for rates
 */
public record Row(String indicator, String indicatorName, String region, String regionName, String period, BigDecimal value,
		BigDecimal numerator, BigDecimal denominator, String unit) {

	static String plain(BigDecimal number) {
		return number == null ? "" : number.toPlainString();
	}

}
