package io.healthstats.indicator.observation;

import java.math.BigDecimal;
import java.util.List;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.period.InvalidPeriodException;
import io.healthstats.indicator.period.Period;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.rollup.Figures;
import io.healthstats.indicator.rollup.Rollup.Write;
import io.healthstats.indicator.rollup.Source;
import io.healthstats.web.RegionScope;

import org.springframework.stereotype.Component;

/** Checks one row against the catalogue, the region tree, the caller's region and the statistics rules. */
@Component
class RowValidator {

	private static final BigDecimal HUNDRED_PERCENT = BigDecimal.valueOf(100);

	private final Catalogue catalogue;
	private final Regions regions;

	RowValidator(Catalogue catalogue, Regions regions) {
		this.catalogue = catalogue;
		this.regions = regions;
	}

	/** The write for a good row; otherwise the reasons in {@code errors} and null. */
	Write validate(RawRow row, String scopeRegion, Source source, List<String> errors) {
		String code = row.text("indicator", errors);
		Indicator indicator = code == null ? null : this.catalogue.find(code).orElse(null);
		if (code != null && indicator == null) {
			errors.add("indicator '" + code + "' is not in the catalogue");
		}
		String region = row.text("region", errors);
		if (region != null && (this.regions.find(region).isEmpty() || !RegionScope.covers(scopeRegion, region))) {
			errors.add("region '" + region + "' does not exist or is outside your region");
		}
		Period period = period(row, errors);
		BigDecimal value = row.number("value", errors);
		BigDecimal numerator = row.number("numerator", errors);
		BigDecimal denominator = row.number("denominator", errors);
		if (indicator == null || !errors.isEmpty()) {
			return null;
		}
		if (!indicator.isRate()) {
			return count(indicator, region, period, value, row, source, errors);
		}
		return rate(indicator, region, period, value, numerator, denominator, source, errors);
	}

	private Write count(Indicator indicator, String region, Period period, BigDecimal value, RawRow row, Source source,
			List<String> errors) {
		if (value == null) {
			errors.add("value is required");
		}
		else if (value.signum() < 0) {
			errors.add("value must not be negative for " + indicator.kind() + " indicator " + indicator.code());
		}
		if (row.has("numerator") || row.has("denominator")) {
			errors.add("numerator and denominator belong to RATE indicators only; " + indicator.code() + " is a " + indicator.kind());
		}
		return errors.isEmpty() ? new Write(indicator.code(), region, period, value, null, null, source, false) : null;
	}

	private Write rate(Indicator indicator, String region, Period period, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, Source source, List<String> errors) {
		if (numerator == null) {
			errors.add("numerator is required for RATE indicator " + indicator.code());
		}
		else if (numerator.signum() < 0) {
			errors.add("numerator must not be negative");
		}
		if (denominator == null) {
			errors.add("denominator is required for RATE indicator " + indicator.code());
		}
		else if (denominator.signum() <= 0) {
			errors.add("denominator must be greater than 0");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		BigDecimal computed = Figures.ratio(indicator, numerator, denominator);
		if (value != null && !agrees(value, computed)) {
			errors.add("value " + value.toPlainString() + " does not agree with numerator/denominator × " + indicator.factor()
					+ " = " + computed.toPlainString());
			return null;
		}
		boolean flagged = computed.compareTo(HUNDRED_PERCENT) > 0;
		return new Write(indicator.code(), region, period, computed, numerator, denominator, source, flagged);
	}

	/** A sent value agrees when it is the computed one rounded to the decimals it was sent with. */
	private static boolean agrees(BigDecimal sent, BigDecimal computed) {
		BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Math.max(sent.scale(), 0)).divide(BigDecimal.valueOf(2));
		return sent.subtract(computed).abs().compareTo(tolerance) <= 0;
	}

	private static Period period(RawRow row, List<String> errors) {
		String text = row.text("period", errors);
		if (text == null) {
			return null;
		}
		try {
			return Period.parse(text);
		}
		catch (InvalidPeriodException ex) {
			errors.add(ex.getMessage());
			return null;
		}
	}

}
