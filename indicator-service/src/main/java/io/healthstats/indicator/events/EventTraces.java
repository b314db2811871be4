package io.healthstats.indicator.events;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The trace context the events of an outbox entry carry (W3C {@code traceparent}, and the baggage such as
 * the request id): that of the write which recorded the entry, kept in the entry, so a consumer's work
 * joins the trace of the request (or ingested record) that caused it, however late the events leave. An
 * entry recorded outside any trace gets a span of its own around its sending.
 */
@Component
public class EventTraces {

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	EventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	EventTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The headers that carry the current trace on; empty outside a trace. */
	public Map<String, String> current() {
		Span span = this.tracer.currentSpan();
		return span == null ? Map.of() : headersOf(span);
	}

	Span startSending(String entryId) {
		return this.tracer.nextSpan().name("indicator outbox send").tag("outbox.entry", entryId).start();
	}

	Map<String, String> headersOf(Span span) {
		Map<String, String> headers = new LinkedHashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		return headers;
	}

}
