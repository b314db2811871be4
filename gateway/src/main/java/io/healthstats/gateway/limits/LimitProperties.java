package io.healthstats.gateway.limits;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches a service.
 *
 * @param maxBodySize largest request body accepted (413 beyond)
 * @param maxUriLength longest path and query accepted (414 beyond)
 * @param maxHeaderSize largest sum of header names and values accepted (431 beyond)
 * @param rateLimit requests per client
 */
@ConfigurationProperties("gateway.limits")
record LimitProperties(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("4KB") DataSize maxUriLength,
		@DefaultValue("8KB") DataSize maxHeaderSize, @DefaultValue RateLimit rateLimit) {

	/**
	 * A token bucket per client: {@code burst} requests at once, refilled by {@code requests}
	 * per {@code period}.
	 *
	 * @param enabled whether clients are limited at all
	 * @param requests tokens added per period
	 * @param period refill period
	 * @param burst bucket capacity
	 * @param clients overrides by client id, e.g. a benchmark client allowed more
	 * @param redis where buckets are shared by all gateway instances; in this instance's memory
	 * when no URL is set
	 */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") long requests,
			@DefaultValue("1s") Duration period, @DefaultValue("200") long burst, Map<String, Rate> clients,
			@DefaultValue Redis redis) {

		RateLimit {
			clients = (clients != null) ? Map.copyOf(clients) : Map.of();
		}

		Rate forClient(String client) {
			return this.clients.getOrDefault(client, new Rate(this.requests, this.period, this.burst));
		}

	}

	record Rate(long requests, Duration period, long burst) {
	}

	/**
	 * The Redis every gateway instance keeps its buckets in, so a client has one budget however
	 * many replicas serve it.
	 *
	 * @param url {@code redis://[:password@]host:port[/database]} ({@code rediss://} for TLS,
	 * {@code redis-sentinel://} for Sentinel); blank keeps buckets in memory
	 * @param timeout longest wait for Redis on a request before this instance decides alone
	 * @param retryInterval after Redis failed, how long this instance limits on its own before it
	 * asks Redis again
	 * @param keyPrefix start of every bucket's key
	 */
	record Redis(String url, @DefaultValue("250ms") Duration timeout, @DefaultValue("2s") Duration retryInterval,
			@DefaultValue("healthstats:gateway:rate-limit:") String keyPrefix) {

		boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
