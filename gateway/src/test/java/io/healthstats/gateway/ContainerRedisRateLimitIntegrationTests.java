package io.healthstats.gateway;

import io.healthstats.gateway.limits.TestRedis;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@link SharedRateLimitContract} on the {@code redis} image, where Docker runs. Here Redis is
 * paused rather than stopped: it stops answering without closing connections, so the gateway's
 * timeout decides.
 */
@EnabledIf("io.healthstats.gateway.limits.TestRedis#dockerAvailable")
class ContainerRedisRateLimitIntegrationTests extends SharedRateLimitContract {

	@Override
	TestRedis startRedis() {
		return TestRedis.container();
	}

}
