package io.healthstats.gateway.limits;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Buckets in memory unless {@code gateway.limits.rate-limit.redis.url} names a Redis; then in
 * Redis, shared by every gateway instance. A property of the gateway's own rather than Boot's
 * {@code spring.data.redis.*}: Spring Data Redis would bring its health indicator (a Redis outage
 * would turn the gateway's readiness DOWN, the opposite of failing open) and Spring Cloud
 * Gateway's own Redis rate limiter auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

	@Bean
	ClientBuckets clientBuckets(LimitProperties properties, ObjectProvider<MeterRegistry> meters) {
		LimitProperties.RateLimit limits = properties.rateLimit();
		if (!limits.enabled() || !limits.redis().configured()) {
			return new LocalBuckets(limits);
		}
		RedisURI uri = RedisURI.create(limits.redis().url());
		log.info("Rate limits shared through Redis at {}:{} (each instance limits on its own while Redis does not answer)",
				uri.getHost(), uri.getPort());
		return new RedisBuckets(limits, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

}
