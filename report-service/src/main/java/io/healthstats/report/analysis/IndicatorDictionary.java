package io.healthstats.report.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which words name which catalogue indicator, and which units a figure of that indicator can have. Bound from
 * {@code report.figures} in application.yml.
 * <p>
 * A phrase {@code A…B} matches when B stands in the figure's clause and A earlier in the same sentence
 * ({@code 体检…完成率}). An indicator without a unit list accepts figures of any unit.
 * @param phrases indicator code → trigger phrases
 * @param units indicator code → units a figure must have to map to it ({@code %} for a rate)
 */
public record IndicatorDictionary(Map<String, List<String>> phrases, Map<String, List<String>> units) {

	public IndicatorDictionary {
		phrases = copy(phrases);
		units = copy(units);
		for (String code : units.keySet()) {
			if (!phrases.containsKey(code)) {
				throw new IllegalArgumentException("Units are configured for " + code + " but no phrases");
			}
		}
	}

	/** A dictionary without unit lists: every indicator accepts every unit. */
	public IndicatorDictionary(Map<String, List<String>> phrases) {
		this(phrases, Map.of());
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> map) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		map.forEach((code, values) -> copy.put(code, List.copyOf(values)));
		return Collections.unmodifiableMap(copy);
	}

}
