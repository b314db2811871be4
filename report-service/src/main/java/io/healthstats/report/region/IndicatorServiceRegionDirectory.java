package io.healthstats.report.region;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the indicator-service ({@code GET /api/v1/regions/{code}}) with the caller's own token, so
 * the answer respects the caller's scope there too. Regions that exist are remembered for a while:
 * they are rarely removed, and every report upload would otherwise cost a round trip.
 */
class IndicatorServiceRegionDirectory implements RegionDirectory {

	private static final Logger log = LoggerFactory.getLogger(IndicatorServiceRegionDirectory.class);

	private final RestClient client;
	private final RegionsProperties properties;
	private final Clock clock;
	private final Map<String, Instant> known = new ConcurrentHashMap<>();

	IndicatorServiceRegionDirectory(RegionsProperties properties, Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		this.client = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public boolean exists(String code, Caller caller) {
		Instant until = this.known.get(code);
		if (until != null && until.isAfter(this.clock.instant())) {
			return true;
		}
		boolean exists = ask(code, caller);
		if (exists) {
			this.known.put(code, this.clock.instant().plus(this.properties.cacheFor()));
		}
		return exists;
	}

	private boolean ask(String code, Caller caller) {
		try {
			return this.client.get()
				.uri("/api/v1/regions/{code}", code)
				.headers((headers) -> headers.setBearerAuth(caller.bearerToken()))
				.exchange((request, response) -> {
					if (response.getStatusCode().is2xxSuccessful()) {
						return true;
					}
					// The indicator-service answers 404 for a region outside the token's scope too.
					if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
						return false;
					}
					throw new RegionDirectoryUnavailableException(
							"The region directory answered " + response.getStatusCode().value() + ".", null);
				}, true);
		}
		catch (RestClientException ex) {
			log.warn("Region directory at {} unreachable: {}", this.properties.url(), ex.toString());
			throw new RegionDirectoryUnavailableException("The region directory cannot be reached.", ex);
		}
	}

}
