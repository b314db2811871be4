package io.healthstats.export;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.healthstats.export.format.ExportFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The export metrics the operations dashboard is built on. Names are a contract: see the README's
 * metrics table before renaming one.
 */
@Component
public class ExportMetrics {

	/** Counter, tags {@code format}, {@code outcome} = done | failed: finished jobs. */
	public static final String JOBS = "healthstats.exports.jobs";

	/** Counter, tag {@code format}: jobs accepted by {@code POST /api/v1/exports}. */
	public static final String REQUESTED = "healthstats.exports.requested";

	/** Counter, tag {@code format}: rows written, counted page by page while a job runs. */
	public static final String ROWS = "healthstats.exports.rows";

	/** Timer, tags {@code format}, {@code outcome}: from a worker taking a job to its end. */
	public static final String DURATION = "healthstats.exports.duration";

	/** Distribution summary (bytes), tag {@code format}: sizes of finished files. */
	public static final String SIZE = "healthstats.exports.file.size";

	/** Counter: jobs handed back to the queue after their worker stopped renewing its lease. */
	public static final String RECOVERED = "healthstats.exports.recovered";

	/** Counter: files deleted at the end of their retention. */
	public static final String EXPIRED = "healthstats.exports.expired";

	/** Gauge, tag {@code status} = queued | running: jobs waiting or running, as of the last sweep. */
	public static final String ACTIVE = "healthstats.exports.active";

	private final MeterRegistry registry;

	private final AtomicLong queued = new AtomicLong();

	private final AtomicLong running = new AtomicLong();

	ExportMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(ACTIVE, this.queued, AtomicLong::get).tag("status", "queued").description("Export jobs waiting").register(registry);
		Gauge.builder(ACTIVE, this.running, AtomicLong::get).tag("status", "running").description("Export jobs running").register(registry);
	}

	public void requested(ExportFormat format) {
		Counter.builder(REQUESTED).tag("format", format.id()).description("Export jobs accepted").register(this.registry).increment();
	}

	public void rows(ExportFormat format, long rows) {
		Counter.builder(ROWS).tag("format", format.id()).description("Rows written to export files").register(this.registry).increment(rows);
	}

	public void finished(ExportFormat format, boolean done, Duration took, long size) {
		String outcome = done ? "done" : "failed";
		Counter.builder(JOBS).tag("format", format.id()).tag("outcome", outcome).description("Export jobs finished")
			.register(this.registry).increment();
		Timer.builder(DURATION).tag("format", format.id()).tag("outcome", outcome).description("Export job run time")
			.publishPercentileHistogram()
			.register(this.registry).record(took);
		if (done) {
			DistributionSummary.builder(SIZE).baseUnit("bytes").tag("format", format.id()).description("Export file sizes")
				.register(this.registry).record(size);
		}
	}

	public void recovered() {
		Counter.builder(RECOVERED).description("Export jobs re-queued after their worker died").register(this.registry).increment();
	}

	public void expired() {
		Counter.builder(EXPIRED).description("Export files deleted after their retention").register(this.registry).increment();
	}

	public void active(long queued, long running) {
		this.queued.set(queued);
		this.running.set(running);
	}

}
