package io.healthstats.indicator.period;

/** How long a period is. A month rolls up into its quarter, a quarter into its year. */
public enum Granularity {

	YEAR, QUARTER, MONTH;

	public static Granularity parse(String text) {
		for (Granularity granularity : values()) {
			if (granularity.name().equalsIgnoreCase(text)) {
				return granularity;
			}
		}
		throw new InvalidPeriodException("granularity", text, "Use MONTH, QUARTER or YEAR.");
	}

}
