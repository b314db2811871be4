package io.healthstats.export.run;

import java.util.Comparator;
import java.util.List;

import io.healthstats.web.RegionScope;

/**
 * A job's progress, estimated from where the key order ({@code INDICATOR|REGION|PERIOD}) has got to:
 * which of the indicators, and how far the region code has advanced through the subtree's code range.
 * Without counting rows first (a second full read), this is the best cheap estimate; it only grows.
 */
final class Progress {

	private final List<String> indicators;

	private final String prefix;

	private int percent;

	Progress(List<String> indicators, String region) {
		// the order the indicator-service pages in: by "CODE|"
		this.indicators = indicators.stream().sorted(Comparator.comparing(code -> code + "|")).toList();
		this.prefix = RegionScope.prefix(region);
	}

	/** @return percent done, at most 99 until the job is finished */
	int after(String indicator, String region) {
		int index = this.indicators.indexOf(indicator);
		if (index < 0 || region == null || !region.startsWith(this.prefix)) {
			return this.percent;
		}
		String rest = region.substring(this.prefix.length());
		double within = rest.isEmpty() ? 1 : Integer.parseInt(rest) / Math.pow(10, rest.length());
		int estimate = (int) Math.floor(100 * (index + within) / this.indicators.size());
		this.percent = Math.max(this.percent, Math.min(99, estimate));
		return this.percent;
	}

}
