package io.healthstats.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.MDC;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the trace and span id of a request's server span in the logging context while the gateway
 * logs something about that request, so its lines carry the same {@code traceId}/{@code spanId}
 * as the services' lines for the same trace.
 *
 * <p>The gateway does not have Reactor copy thread-locals (the MDC among them) into every operator
 * of every request ({@code spring.reactor.context-propagation=auto}): that was a fifth of its CPU
 * per request (deploy/bench/README.md). It logs only a few lines per request, so it takes the ids
 * from the request's own observation where it logs instead.
 */
public final class TraceIds {

	private static final String TRACE_ID = "traceId";

	private static final String SPAN_ID = "spanId";

	private TraceIds() {
	}

	/** Runs {@code logging} with the request's trace and span id in the MDC (as they were when it had none). */
	public static void log(ServerWebExchange exchange, Runnable logging) {
		Span span = serverSpan(exchange);
		if (span == null) {
			logging.run();
			return;
		}
		String traceId = MDC.get(TRACE_ID);
		String spanId = MDC.get(SPAN_ID);
		MDC.put(TRACE_ID, span.context().traceId());
		MDC.put(SPAN_ID, span.context().spanId());
		try {
			logging.run();
		}
		finally {
			restore(TRACE_ID, traceId);
			restore(SPAN_ID, spanId);
		}
	}

	private static Span serverSpan(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.orElse(null);
	}

	private static void restore(String key, String value) {
		if (value == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
	}

}
