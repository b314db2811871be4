package io.healthstats.indicator.rollup;

import java.math.BigDecimal;
import java.math.MathContext;

import io.healthstats.indicator.catalogue.Indicator;

/**
 * An effective value: for a rate its numerator and denominator too. {@code contributors} is how many
 * county-level regions had data behind it.
 */
public record Figures(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int contributors) {

	/** Rates keep 16 significant digits; rounding is for display only. */
	static final MathContext PRECISION = MathContext.DECIMAL64;

	static Figures rate(Indicator indicator, BigDecimal numerator, BigDecimal denominator, int contributors) {
		return new Figures(ratio(indicator, numerator, denominator), numerator, denominator, contributors);
	}

	/** numerator / denominator × factor; null when the denominator is zero. */
	public static BigDecimal ratio(Indicator indicator, BigDecimal numerator, BigDecimal denominator) {
		if (denominator.signum() == 0) {
			return null;
		}
		return plain(numerator.multiply(indicator.factor()).divide(denominator, PRECISION));
	}

	/**
	 * Without trailing zeros, yet never in exponent form: {@code 50.000} becomes 50, not {@code 5E+1}, which
	 * JSON would carry as written (a rate of exactly 50 %, a change of +100 %).
	 */
	public static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	boolean sameNumbers(Figures other) {
		return other != null && same(this.value, other.value) && same(this.numerator, other.numerator)
				&& same(this.denominator, other.denominator);
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

}
