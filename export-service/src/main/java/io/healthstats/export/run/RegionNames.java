package io.healthstats.export.run;

import java.util.HashMap;
import java.util.Map;

import io.healthstats.export.upstream.IndicatorService;
import io.healthstats.export.upstream.RegionInfo;

/**
 * Region names for one job, asked of the indicator-service only for regions not met yet: each answer
 * also names the region's children, so a city's export asks once for the city and knows every county.
 */
final class RegionNames {

	private final IndicatorService indicators;

	private final Map<String, String> names = new HashMap<>();

	RegionNames(IndicatorService indicators) {
		this.indicators = indicators;
	}

	String of(String code) {
		String name = this.names.get(code);
		if (name == null) {
			RegionInfo region = this.indicators.region(code).orElse(null);
			name = region == null ? "" : region.name();
			this.names.put(code, name);
			if (region != null) {
				region.children().forEach(child -> this.names.putIfAbsent(child.code(), child.name()));
			}
		}
		return name;
	}

}
