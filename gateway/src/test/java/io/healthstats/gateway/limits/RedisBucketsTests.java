package io.healthstats.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis-backed buckets on their own, against a real redis-server process: a gateway that
 * starts while Redis is not there yet limits on its own, and shares budgets once Redis appears.
 */
class RedisBucketsTests {

	@Test
	void limitsOnItsOwnWhileRedisIsNotThereAndSharesOnceItIs() {
		int port = TestRedis.freePort();
		LimitProperties.RateLimit limits = fiveAnHour("redis://127.0.0.1:" + port);
		MeterRegistry meters = new SimpleMeterRegistry();
		RedisBuckets first = new RedisBuckets(limits, meters);
		RedisBuckets second = new RedisBuckets(limits, new SimpleMeterRegistry());
		try {
			ConsumptionProbe alone = first.tryConsume("early-client").block();
			assertThat(alone.isConsumed()).isTrue();
			assertThat(alone.getRemainingTokens()).isEqualTo(4);
			assertThat(second.tryConsume("early-client").block().getRemainingTokens()).as("each instance counts for itself")
				.isEqualTo(4);
			assertThat(meters.get("gateway.ratelimit.redis.fallbacks").counter().count()).isEqualTo(1);
			assertThat(meters.get("gateway.ratelimit.redis.available").gauge().value()).isZero();

			try (TestRedis redis = new TestRedis.Embedded(port)) {
				AtomicInteger attempt = new AtomicInteger();
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
					String client = "late-client-" + attempt.incrementAndGet();
					assertThat(first.tryConsume(client).block().getRemainingTokens()).isEqualTo(4);
					assertThat(second.tryConsume(client).block().getRemainingTokens()).as("one budget for both").isEqualTo(3);
				});
				assertThat(meters.get("gateway.ratelimit.redis.available").gauge().value()).isEqualTo(1);
			}
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	static LimitProperties.RateLimit fiveAnHour(String redisUrl) {
		return new LimitProperties.RateLimit(true, 1, Duration.ofHours(1), 5, Map.of(),
				new LimitProperties.Redis(redisUrl, Duration.ofSeconds(2), Duration.ofMillis(100), "test:rate-limit:"));
	}

}
