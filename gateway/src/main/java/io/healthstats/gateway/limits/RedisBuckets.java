package io.healthstats.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets kept in Redis through Bucket4j's Lettuce integration (compare-and-swap in a Lua script),
 * so every gateway instance draws on one budget per client. Redis is asked asynchronously: the
 * request goes on when Redis answered, without holding a thread while it waits.
 *
 * <p>Redis is a helper, not a dependency: a gateway must not refuse or fail requests because its
 * rate-limit store is down. When Redis cannot answer within {@code timeout} (not reachable, not
 * answering, not yet connected), this instance limits the client with its own in-memory bucket
 * (the same rate; with n instances a client may get up to n times its budget meanwhile), logs one
 * warning per outage, counts each such request in {@code gateway.ratelimit.redis.fallbacks} and
 * shows {@code gateway.ratelimit.redis.available} 0. It asks Redis again after
 * {@code retry-interval}, so an unresponsive Redis costs a request at most one timeout in that
 * interval; Lettuce reconnects in the background.
 */
final class RedisBuckets implements ClientBuckets, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/** A bucket idle this long after it would be full again is as good as a new one: Redis drops it. */
	private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

	private final LimitProperties.RateLimit limits;

	private final LimitProperties.Redis redis;

	private final LocalBuckets local;

	private final RedisURI uri;

	private final ClientResources resources;

	private final RedisClient client;

	private final Map<String, AsyncBucketProxy> buckets = new ConcurrentHashMap<>();

	private final AtomicBoolean connecting = new AtomicBoolean();

	/** Whether the last answer came from Redis: false until connected (the gauge). */
	private final AtomicBoolean available = new AtomicBoolean();

	/** Whether the current outage was logged: one warning per outage, not one per request. */
	private final AtomicBoolean outageLogged = new AtomicBoolean();

	private final Counter fallbacks;

	private volatile AsyncProxyManager<String> shared;

	/** {@link System#nanoTime()} before which Redis is not asked (after it failed). */
	private volatile long askAgainAt = System.nanoTime();

	RedisBuckets(LimitProperties.RateLimit limits, MeterRegistry meters) {
		this.limits = limits;
		this.redis = limits.redis();
		this.local = new LocalBuckets(limits);
		this.uri = RedisURI.create(this.redis.url());
		// Reconnect soon after Redis is back (Lettuce's default backs off up to 30 s).
		this.resources = ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
			.build();
		this.client = RedisClient.create(this.resources);
		this.client.setOptions(ClientOptions.builder()
			// fail at once while disconnected instead of queueing requests behind a dead connection
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(this.redis.timeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
			.build());
		this.fallbacks = Counter.builder("gateway.ratelimit.redis.fallbacks")
			.description("Requests this instance limited on its own because Redis could not answer")
			.register(meters);
		Gauge.builder("gateway.ratelimit.redis.available", this.available, up -> up.get() ? 1 : 0)
			.description("1 while rate limits are shared through Redis, 0 while each instance limits on its own")
			.register(meters);
		connect();
	}

	@Override
	public Mono<ConsumptionProbe> tryConsume(String client) {
		AsyncProxyManager<String> shared = this.shared;
		if (shared == null || System.nanoTime() - this.askAgainAt < 0) {
			if (shared == null) {
				connect();
			}
			return Mono.fromSupplier(() -> locally(client));
		}
		// suppressCancel: a request given up by its client still counts. The answer arrives on Lettuce's
		// one I/O thread (or the JDK's timeout thread): the rest of the request must not run there, or that
		// thread does every request's work and Redis's answers queue behind it (a flood over 16
		// connections on 2 busy cores then ran into the timeout again and again).
		return Mono.fromFuture(() -> decide(shared, client), true).publishOn(Schedulers.parallel());
	}

	/**
	 * Redis's answer, or this instance's own when Redis fails or is late. The future never fails,
	 * so an answer arriving after the request was given up is dropped silently.
	 */
	private CompletableFuture<ConsumptionProbe> decide(AsyncProxyManager<String> shared, String client) {
		CompletableFuture<ConsumptionProbe> asked;
		try {
			asked = bucket(shared, client).tryConsumeAndReturnRemaining(1).copy();
		}
		catch (RuntimeException ex) {
			asked = CompletableFuture.failedFuture(ex);
		}
		return asked.orTimeout(this.redis.timeout().toNanos(), TimeUnit.NANOSECONDS).handle((probe, ex) -> {
			if (ex != null) {
				markUnavailable(ex);
				return locally(client);
			}
			markAvailable();
			return probe;
		});
	}

	private AsyncBucketProxy bucket(AsyncProxyManager<String> shared, String client) {
		return this.buckets.computeIfAbsent(client, id -> {
			LimitProperties.Rate rate = this.limits.forClient(id);
			BucketConfiguration configuration = BucketConfiguration.builder().addLimit(LocalBuckets.bandwidth(rate)).build();
			// Concurrent requests of one client through this instance go to Redis as one compare-and-swap
			// instead of racing each other: without it, a client flooding over 16 connections made
			// compare-and-swap retries pile up past the timeout.
			return shared.builder().withOptimization(Optimizations.batching()).build(key(id, rate), configuration);
		});
	}

	/**
	 * The rate is part of the key: a bucket stored under another rate (before a configuration
	 * change) is not reused with the new one; it expires on its own.
	 */
	private String key(String client, LimitProperties.Rate rate) {
		return this.redis.keyPrefix() + client + ':' + rate.burst() + ':' + rate.requests() + '/' + rate.period();
	}

	private ConsumptionProbe locally(String client) {
		this.fallbacks.increment();
		return this.local.consume(client);
	}

	/** Connects in the background; until it is connected, requests are limited locally. */
	private void connect() {
		if (System.nanoTime() - this.askAgainAt < 0 || !this.connecting.compareAndSet(false, true)) {
			return;
		}
		try {
			this.client.connectAsync(CODEC, this.uri).whenComplete((connection, ex) -> {
				if (ex != null) {
					markUnavailable(ex);
				}
				else {
					this.shared = Bucket4jLettuce.casBasedBuilder(connection)
						.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
						.build()
						.asAsync();
					markAvailable();
				}
				this.connecting.set(false);
			});
		}
		catch (RuntimeException ex) {
			markUnavailable(ex);
			this.connecting.set(false);
		}
	}

	private void markAvailable() {
		this.available.set(true);
		if (this.outageLogged.compareAndSet(true, false)) {
			log.info("Redis at {}:{} answers again: clients' rate limits are shared by all gateway instances again",
					this.uri.getHost(), this.uri.getPort());
		}
	}

	private void markUnavailable(Throwable ex) {
		this.askAgainAt = System.nanoTime() + this.redis.retryInterval().toNanos();
		this.available.set(false);
		if (this.outageLogged.compareAndSet(false, true)) {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			String why = (cause instanceof TimeoutException) ? "no answer within " + this.redis.timeout().toMillis() + " ms"
					: cause.toString();
			log.warn("Redis at {}:{} does not answer ({}): each gateway instance limits clients on its own until it does",
					this.uri.getHost(), this.uri.getPort(), why);
		}
	}

	@Override
	public void destroy() {
		// closes the connection too
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		this.resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

}
