package io.healthstats.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one measurement and how fast it went. Percentiles are nearest-rank (the smallest
 * latency at or above which p % of the requests finished), so p99 of 2,000 requests is the 1,980th
 * fastest — a latency that really happened, never an interpolation.
 *
 * @param count requests measured
 * @param wallNanos time from the first request sent to the last answer received
 * @param p50Nanos median latency
 * @param p99Nanos 99th percentile latency
 * @param maxNanos slowest request
 * @param meanNanos mean latency
 */
record Stats(int count, long wallNanos, long p50Nanos, long p99Nanos, long maxNanos, long meanNanos) {

	static Stats of(long[] latencyNanos, long wallNanos) {
		if (latencyNanos.length == 0) {
			throw new IllegalArgumentException("No latencies measured");
		}
		long[] sorted = latencyNanos.clone();
		Arrays.sort(sorted);
		long sum = 0;
		for (long latency : sorted) {
			sum += latency;
		}
		return new Stats(sorted.length, wallNanos, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1],
				sum / sorted.length);
	}

	/** Nearest rank: the value at rank ⌈p/100 · n⌉ (1-based) of the sorted values. */
	static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	/** Several rounds of the same measurement, taken in turns with another one, as one. */
	static Stats of(List<ClosedLoop.Run> rounds) {
		long[] all = rounds.stream().flatMapToLong(run -> Arrays.stream(run.latencyNanos())).toArray();
		return of(all, rounds.stream().mapToLong(ClosedLoop.Run::wallNanos).sum());
	}

	double perSecond() {
		return this.count / (this.wallNanos / 1e9);
	}

	double p50Millis() {
		return this.p50Nanos / 1e6;
	}

	double p99Millis() {
		return this.p99Nanos / 1e6;
	}

	double maxMillis() {
		return this.maxNanos / 1e6;
	}

}
