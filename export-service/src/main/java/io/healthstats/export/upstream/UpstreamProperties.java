package io.healthstats.export.upstream;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data comes from and how it is read.
 * @param indicatorService base URL of the indicator-service ({@code INDICATOR_SERVICE_URL})
 * @param reportService base URL of the report-service ({@code REPORT_SERVICE_URL})
 * @param clientRegistration the OAuth2 client registration whose token (client credentials) is sent
 * @param pageSize observations per page read from the indicator-service (it allows up to 50,000)
 * @param connectTimeout connecting to a service
 * @param readTimeout waiting for a page
 * @param retries further tries of a page after a 5xx answer or an I/O error, before the export fails
 * @param catalogueCacheFor how long the indicator catalogue is reused
 */
@ConfigurationProperties("export.upstream")
public record UpstreamProperties(@DefaultValue("http://localhost:8082") URI indicatorService,
		@DefaultValue("http://localhost:8081") URI reportService, @DefaultValue("export-service") String clientRegistration,
		@DefaultValue("10000") int pageSize, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout, @DefaultValue("2") int retries,
		@DefaultValue("10m") Duration catalogueCacheFor) {
}
