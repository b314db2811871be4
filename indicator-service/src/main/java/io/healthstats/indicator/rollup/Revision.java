package io.healthstats.indicator.rollup;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One reported value of a key. A new value for the same key is a new revision; reads use the latest.
 * @param flagged a rate above 100 %: legal (coverage against an estimated population) but worth a look
 */
public record Revision(int revision, BigDecimal value, BigDecimal numerator, BigDecimal denominator, Source source,
		Instant recordedAt, boolean flagged) {

	Figures figures() {
		return new Figures(this.value, this.numerator, this.denominator, 1);
	}

}
