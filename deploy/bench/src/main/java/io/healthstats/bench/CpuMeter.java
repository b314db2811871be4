package io.healthstats.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each process of the request path (bench client, gateway, service), read from the
 * OS before and after a measurement. Unlike wall-clock latency it barely moves with other people's
 * load on a shared machine, so it shows what a hop really costs.
 */
final class CpuMeter {

	private final Map<String, ProcessHandle> processes;

	CpuMeter(Map<String, ProcessHandle> processes) {
		this.processes = processes;
	}

	/** CPU nanoseconds used so far by each process (-1 when the OS does not tell). */
	Map<String, Long> snapshot() {
		Map<String, Long> cpu = new LinkedHashMap<>();
		this.processes.forEach((name, process) -> cpu.put(name,
				process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L)));
		return cpu;
	}

	/** Adds what each process used since {@code before} to {@code totals}. */
	void accumulate(Map<String, Long> before, Map<String, Long> totals) {
		snapshot().forEach((name, now) -> {
			long was = before.getOrDefault(name, -1L);
			if (now >= 0 && was >= 0) {
				totals.merge(name, now - was, Long::sum);
			}
		});
	}

	Iterable<String> names() {
		return this.processes.keySet();
	}

}
