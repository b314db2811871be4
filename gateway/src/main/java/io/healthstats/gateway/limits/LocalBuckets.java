package io.healthstats.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * One in-memory Bucket4j bucket per client, counted by this gateway instance alone. There is one
 * per client id, and client ids come from tokens the authorization server signed, so the map stays
 * as small as the client list.
 */
final class LocalBuckets implements ClientBuckets {

	private final LimitProperties.RateLimit limits;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	LocalBuckets(LimitProperties.RateLimit limits) {
		this.limits = limits;
	}

	@Override
	public Mono<ConsumptionProbe> tryConsume(String client) {
		return Mono.just(consume(client));
	}

	ConsumptionProbe consume(String client) {
		return this.buckets.computeIfAbsent(client, this::newBucket).tryConsumeAndReturnRemaining(1);
	}

	private Bucket newBucket(String client) {
		return Bucket.builder().addLimit(bandwidth(this.limits.forClient(client))).build();
	}

	/** {@code burst} tokens at most, {@code requests} added evenly over each {@code period}. */
	static Bandwidth bandwidth(LimitProperties.Rate rate) {
		return Bandwidth.builder().capacity(rate.burst()).refillGreedy(rate.requests(), rate.period()).build();
	}

}
