package io.healthstats.gateway;

import io.healthstats.gateway.limits.TestRedis;

/** {@link SharedRateLimitContract} on a redis-server process of this machine (no Docker needed). */
class EmbeddedRedisRateLimitIntegrationTests extends SharedRateLimitContract {

	@Override
	TestRedis startRedis() {
		return TestRedis.embedded();
	}

}
