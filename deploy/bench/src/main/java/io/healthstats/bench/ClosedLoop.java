package io.healthstats.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Fixed concurrency, closed loop: {@code concurrency} threads each send a request, wait for the whole
 * answer and send the next, until {@code count} requests are done. The load therefore adapts to the
 * server (no queue builds up in the client) and requests/s is what that many callers get.
 */
final class ClosedLoop {

	/** Latency of every request, in the order they were handed out, and the wall time of the run. */
	record Run(long[] latencyNanos, long wallNanos) {
	}

	private ClosedLoop() {
	}

	/**
	 * @param request the i-th request (called from the worker threads)
	 * @throws IllegalStateException when any answer is not a 200 (a benchmark of errors measures nothing)
	 */
	static Run run(HttpClient http, int concurrency, int count, IntFunction<HttpRequest> request) {
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<String> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
					HttpRequest r = request.apply(i);
					long sent = System.nanoTime();
					try {
						HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
						latencies[i] = System.nanoTime() - sent;
						if (response.statusCode() != 200) {
							failure.compareAndSet(null, r.method() + " " + r.uri() + " answered " + response.statusCode() + ": "
									+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
						}
					}
					catch (IOException ex) {
						failure.compareAndSet(null, r.method() + " " + r.uri() + " failed: " + ex);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						failure.compareAndSet(null, "interrupted");
					}
				}
			}, "bench-client-" + t);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			try {
				worker.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while measuring", ex);
			}
		}
		long wall = System.nanoTime() - start;
		if (failure.get() != null) {
			throw new IllegalStateException(failure.get());
		}
		return new Run(latencies, wall);
	}

	/**
	 * Sends {@code requests} in turn for {@code length}, so the JIT compilers (C2 keeps compiling hot paths for
	 * tens of seconds of traffic) are done before anything is measured. Returns the CPU per request of each
	 * {@code slice}, as {@code cpuOf} picks it from the processes' CPU nanoseconds (negative: not known, e.g. for
	 * a platform the bench did not start), to show it settle.
	 */
	static List<String> warmUp(HttpClient http, int concurrency, List<HttpRequest> requests, Duration length, Duration slice,
			CpuMeter cpu, ToLongFunction<Map<String, Long>> cpuOf) {
		long end = System.nanoTime() + length.toNanos();
		List<String> slices = new ArrayList<>();
		while (System.nanoTime() < end) {
			Map<String, Long> before = cpu.snapshot();
			Map<String, Long> used = new LinkedHashMap<>();
			long sliceEnd = Math.min(end, System.nanoTime() + slice.toNanos());
			int sent = 0;
			while (System.nanoTime() < sliceEnd) {
				run(http, concurrency, 200, i -> requests.get(i % requests.size()));
				sent += 200;
			}
			cpu.accumulate(before, used);
			long nanos = cpuOf.applyAsLong(used);
			slices.add(nanos < 0 ? "n/a" : Table.millis(nanos / 1e6 / sent));
		}
		return slices;
	}

}
