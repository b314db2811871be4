package io.healthstats.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Where each client's token bucket lives: in this gateway instance ({@link LocalBuckets}, the
 * default) or in Redis, shared by every instance ({@link RedisBuckets}).
 */
interface ClientBuckets {

	/**
	 * Takes one token from the client's bucket. Never fails: a bucket store that cannot answer
	 * decides locally rather than refuse the request or answer 500.
	 */
	Mono<ConsumptionProbe> tryConsume(String client);

}
