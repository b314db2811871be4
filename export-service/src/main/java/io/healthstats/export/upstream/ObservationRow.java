package io.healthstats.export.upstream;

import java.math.BigDecimal;

/** One observation as the indicator-service lists it (latest revision). */
public record ObservationRow(String indicator, String region, String period, BigDecimal value, BigDecimal numerator,
		BigDecimal denominator) {
}
