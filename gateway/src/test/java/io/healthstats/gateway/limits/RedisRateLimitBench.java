package io.healthstats.gateway.limits;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;

/**
 * What a rate-limit decision costs, in memory and through Redis: one client asking one at a time
 * (p50/p99 per decision), one client over 16 connections at once (a flood, where Bucket4j batches
 * the compare-and-swaps), and 16 clients at once. A runnable benchmark, not a test; prints the
 * decisions Redis did not answer in time (there should be none). Against the embedded
 * redis-server, or the Redis whose URL is the first argument:
 *
 * <pre>
 * ./mvnw -B -q -pl gateway test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test-classpath.txt) io.healthstats.gateway.limits.RedisRateLimitBench [redis://127.0.0.1:6379]
 * </pre>
 */
public final class RedisRateLimitBench {

	private static final int DECISIONS = 5_000;

	private RedisRateLimitBench() {
	}

	public static void main(String[] args) throws Exception {
		TestRedis embedded = (args.length == 0) ? TestRedis.embedded() : null;
		String url = (embedded != null) ? embedded.url() : args[0];
		// A budget nobody exhausts: every decision admits, so each one is a full round trip. A timeout of 1 s
		// rather than 250 ms: on a loaded 2-core machine a late answer would send the rest of a run to memory.
		LimitProperties.RateLimit limits = new LimitProperties.RateLimit(true, 1_000_000_000L, Duration.ofSeconds(1),
				1_000_000_000L, Map.of(), new LimitProperties.Redis(url, Duration.ofSeconds(1), Duration.ofSeconds(2), "bench:"));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RedisBuckets redis = new RedisBuckets(limits, meters);
		try {
			while (meters.get("gateway.ratelimit.redis.available").gauge().value() != 1) {
				redis.tryConsume("warm-up").block();
				Thread.sleep(100);
			}
			Counter fallbacks = meters.get("gateway.ratelimit.redis.fallbacks").counter();
			double fallbacksBefore = fallbacks.count();
			System.out.printf("load average %.2f; %,d decisions a run, the third of three runs shown%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), DECISIONS);
			for (String store : new String[] { "memory", "redis" }) {
				ClientBuckets buckets = store.equals("memory") ? new LocalBuckets(limits) : redis;
				String[] lines = null;
				for (int run = 0; run < 3; run++) {
					lines = new String[] { oneAtATime(buckets), concurrently(buckets, "one client, 16 at once", 1),
							concurrently(buckets, "16 clients at once", 16) };
				}
				for (String line : lines) {
					System.out.printf("%-6s %s%n", store, line);
				}
			}
			System.out.printf("decisions Redis did not answer within 1 s: %.0f%n", fallbacks.count() - fallbacksBefore);
		}
		finally {
			redis.destroy();
			if (embedded != null) {
				embedded.close();
			}
		}
	}

	private static String oneAtATime(ClientBuckets buckets) {
		long[] nanos = new long[DECISIONS];
		long cpu = cpuNanos();
		long start = System.nanoTime();
		for (int i = 0; i < DECISIONS; i++) {
			long begin = System.nanoTime();
			buckets.tryConsume("sequential").block();
			nanos[i] = System.nanoTime() - begin;
		}
		long elapsed = System.nanoTime() - start;
		Arrays.sort(nanos);
		return String.format("one client, one at a time: p50 %.3f ms, p99 %.3f ms, %,.0f/s, %.1f µs CPU each",
				nanos[DECISIONS / 2] / 1e6, nanos[DECISIONS * 99 / 100] / 1e6, DECISIONS / (elapsed / 1e9),
				(cpuNanos() - cpu) / 1e3 / DECISIONS);
	}

	private static String concurrently(ClientBuckets buckets, String what, int clients) {
		long cpu = cpuNanos();
		long start = System.nanoTime();
		Flux.range(0, DECISIONS).flatMap(i -> buckets.tryConsume("client-" + (i % clients)), 16).blockLast();
		long elapsed = System.nanoTime() - start;
		return String.format("%s: %,.0f/s, %.1f µs CPU each", what, DECISIONS / (elapsed / 1e9),
				(cpuNanos() - cpu) / 1e3 / DECISIONS);
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
