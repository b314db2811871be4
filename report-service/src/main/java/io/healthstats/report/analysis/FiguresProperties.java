package io.healthstats.report.analysis;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The figure dictionary, from {@code report.figures}.
 * @param dictionary indicator code → trigger phrases
 * @param units indicator code → units a figure of that indicator can have
 */
@ConfigurationProperties("report.figures")
record FiguresProperties(Map<String, List<String>> dictionary, Map<String, List<String>> units) {

	FiguresProperties {
		dictionary = (dictionary != null) ? dictionary : Map.of();
		units = (units != null) ? units : Map.of();
	}

	IndicatorDictionary toDictionary() {
		return new IndicatorDictionary(this.dictionary, this.units);
	}

}
