package io.healthstats.report.region;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the region directory lives.
 * @param url base URL of the indicator-service
 * @param timeout connect and read timeout of one lookup
 * @param cacheFor how long a region found to exist is remembered
 */
@ConfigurationProperties("report.regions")
record RegionsProperties(String url, Duration timeout, Duration cacheFor) {

	RegionsProperties {
		url = (url != null) ? url : "http://localhost:8082";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(3);
		cacheFor = (cacheFor != null) ? cacheFor : Duration.ofMinutes(10);
	}

}
