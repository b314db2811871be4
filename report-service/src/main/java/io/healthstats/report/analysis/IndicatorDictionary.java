package io.healthstats.report.analysis;

import java.util.List;
import java.util.Map;

/**
 * Which words name which catalogue indicator, and which units a figure of that indicator can have.
 * @param phrases indicator code → trigger phrases
 * @param units indicator code → units a figure must have to map to it ({@code %} for a rate)
 */
public record IndicatorDictionary(Map<String, List<String>> phrases, Map<String, List<String>> units) {

	public IndicatorDictionary {
		phrases = Map.copyOf(phrases);
		units = Map.copyOf(units);
	}

	public IndicatorDictionary(Map<String, List<String>> phrases) {
		this(phrases, Map.of());
	}

}
