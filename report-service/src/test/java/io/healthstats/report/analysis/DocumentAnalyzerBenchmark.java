package io.healthstats.report.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast a seed-sized report (~7,000 characters) is analyzed. Not a timed test: it prints, and only runs when
 * asked ({@code -Dbenchmark=true}); see BENCHMARK.md. Wall time includes waiting for a CPU on a shared machine;
 * CPU time is the analyzer's own cost.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DocumentAnalyzerBenchmark {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = 5_000;

	private static final int SIZE = 7_000;

	@Test
	void analyzeSeedSizedReport() {
		main(new String[0]);
	}

	public static void main(String[] args) {
		String document = seedSizedDocument();
		DocumentAnalyzer analyzer = Analyzers.CONFIGURED;
		int figures = analyzer.analyze(document).figures().size();
		for (int i = 0; i < WARM_UP; i++) {
			analyzer.analyze(document);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] nanos = new long[MEASURED];
		long[] cpuNanos = new long[MEASURED];
		long started = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long t = System.nanoTime();
			analyzer.analyze(document);
			nanos[i] = System.nanoTime() - t;
			cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpu;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(nanos);
		Arrays.sort(cpuNanos);
		System.out.printf(Locale.ROOT,
				"DocumentAnalyzer: %d chars, %d figures; %d runs after %d warm-up, one thread: %.0f documents/s, "
						+ "wall p50 %.3f ms, p99 %.3f ms, max %.3f ms; CPU p50 %.3f ms, p99 %.3f ms "
						+ "(%d CPUs, load average %.2f)%n",
				document.length(), figures, MEASURED, WARM_UP, MEASURED / seconds, millis(nanos, 0.50),
				millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6, millis(cpuNanos, 0.50), millis(cpuNanos, 0.99),
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** The annual and quarterly fixtures in turn, cut at 7,000 characters. */
	static String seedSizedDocument() {
		String[] parts = { Analyzers.fixture("annual-summary-2023.txt"), Analyzers.fixture("quarterly-summary-2024q1.txt") };
		StringBuilder document = new StringBuilder();
		for (int i = 0; document.length() < SIZE; i++) {
			document.append(parts[i % parts.length]);
		}
		return document.substring(0, SIZE);
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
	}

}
