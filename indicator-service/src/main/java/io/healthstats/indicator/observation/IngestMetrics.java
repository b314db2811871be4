package io.healthstats.indicator.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.healthstats.indicator.rollup.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The operator's view of incoming data (README "Operate"); registered at start, so every series
 * exists — and alerts and dashboards work — before the first row arrives.
 * <ul>
 * <li>{@code indicator.observations.rows} (counter; {@code source} = CLIENT, REPORT, INGEST…,
 * {@code outcome} = created, revised, unchanged, rejected): the ingest rate, in rows;</li>
 * <li>{@code indicator.ingest.lag} (timer): from an ingest event's CloudEvent {@code time} until its value
 * and every roll-up it feeds are stored — how far behind report approvals and partners the statistics are;</li>
 * <li>{@code indicator.ingest.dead.letters} (counter; {@code reason} = rejected, failed): ingest records sent
 * to the dead-letter topic — rejected at once (can never be applied) or failed after the retries.</li>
 * </ul>
 */
@Component
class IngestMetrics {

	private static final List<String> OUTCOMES = List.of("created", "revised", "unchanged", "rejected");

	private final MeterRegistry registry;
	private final Timer lag;
	private final Counter rejected;
	private final Counter failed;
	private final Clock clock = Clock.systemUTC();

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lag = Timer.builder("indicator.ingest.lag")
			.description("Ingest event time until its value and roll-ups are stored")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
		this.rejected = deadLetters("rejected");
		this.failed = deadLetters("failed");
		for (String source : List.of("CLIENT", "REPORT", "INGEST")) {
			OUTCOMES.forEach(outcome -> rows(source, outcome));
		}
	}

	/** Counts the rows of a written batch by what happened to them. */
	void written(Source source, BatchResult result) {
		String type = (source != null && source.type() != null) ? source.type() : "UNKNOWN";
		rows(type, "created").increment(result.created());
		rows(type, "revised").increment(result.revised());
		rows(type, "unchanged").increment(result.unchanged());
		rows(type, "rejected").increment(result.rejected().size());
	}

	/** An ingest event's value and roll-ups are stored; {@code eventTime} is null when the event had none. */
	void ingested(Instant eventTime) {
		if (eventTime != null) {
			Duration behind = Duration.between(eventTime, this.clock.instant());
			this.lag.record(behind.isNegative() ? Duration.ZERO : behind);
		}
	}

	void deadLettered(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IngestListener.RejectedIngestException) {
				this.rejected.increment();
				return;
			}
		}
		this.failed.increment();
	}

	private Counter rows(String source, String outcome) {
		return Counter.builder("indicator.observations.rows")
			.description("Observation rows written, by source and outcome")
			.tag("source", source)
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter deadLetters(String reason) {
		return Counter.builder("indicator.ingest.dead.letters")
			.description("Ingest records sent to the dead-letter topic")
			.tag("reason", reason)
			.register(this.registry);
	}

}
