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
 * @param rateLimit requests per client
 */
@ConfigurationProperties("gateway.limits")
record LimitProperties(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit) {

	/**
	 * A token bucket per client: {@code burst} requests at once, refilled by {@code requests}
	 * per {@code period}.
	 *
	 * @param enabled whether clients are limited at all
	 * @param requests tokens added per period
	 * @param period refill period
	 * @param burst bucket capacity
	 * @param clients overrides by client id, e.g. a benchmark client allowed more
	 */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") long requests,
			@DefaultValue("1s") Duration period, @DefaultValue("200") long burst, Map<String, Rate> clients) {

		RateLimit {
			clients = (clients != null) ? Map.copyOf(clients) : Map.of();
		}

		Rate forClient(String client) {
			return this.clients.getOrDefault(client, new Rate(this.requests, this.period, this.burst));
		}

	}

	record Rate(long requests, Duration period, long burst) {
	}

}
