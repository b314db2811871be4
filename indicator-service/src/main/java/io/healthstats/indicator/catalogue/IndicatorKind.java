package io.healthstats.indicator.catalogue;

/** How an indicator aggregates over time and regions (DESIGN.md §3). */
public enum IndicatorKind {

	/** A flow: summed over time and over regions. */
	COUNT,

	/** A snapshot: the last value within a period, summed over regions; never summed over time. */
	STOCK,

	/** numerator / denominator × factor: each part summed, then divided; never averaged. */
	RATE

}
