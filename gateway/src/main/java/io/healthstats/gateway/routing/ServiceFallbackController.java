package io.healthstats.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.healthstats.gateway.problem.ProblemResponses;
import io.healthstats.gateway.tracing.TraceIds;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where a route's circuit breaker forwards when its service cannot be reached, timed out, or the
 * circuit is open: a 503 (504 for a timeout) problem instead of a connection error. The circuit
 * half-opens by itself, so the route heals as soon as the service answers again.
 */
@RestController
class ServiceFallbackController {

	private static final Logger log = LoggerFactory.getLogger(ServiceFallbackController.class);

	/** Seconds a client should wait; the circuit stays open this long before trial calls. */
	private static final String RETRY_AFTER_SECONDS = "10";

	private final ProblemResponses problems;

	ServiceFallbackController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("/gateway/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (failure == null) {
			// Reached directly rather than forwarded by a circuit breaker: nothing lives here.
			return this.problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "No resource at this path.");
		}
		if (failure instanceof PayloadTooLargeException) {
			// the client's chunked body crossed the limit while streaming: its fault, not the service's
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is too large.");
		}
		if (isTimeout(failure)) {
			TraceIds.log(exchange, () -> log.warn("{} did not answer {} {} in time", service,
					exchange.getRequest().getMethod(), ProblemResponses.originalPath(exchange)));
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
					"The " + service + " did not answer in time. Please try again.");
		}
		if (failure instanceof CallNotPermittedException) {
			TraceIds.log(exchange, () -> log.debug("{} circuit open, {} {} not attempted", service,
					exchange.getRequest().getMethod(), ProblemResponses.originalPath(exchange)));
		}
		else {
			TraceIds.log(exchange, () -> log.warn("{} unavailable for {} {}: {}", service,
					exchange.getRequest().getMethod(), ProblemResponses.originalPath(exchange), failure.toString()));
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + service + " is unavailable at the moment. Please try again shortly.");
	}

	private static boolean isTimeout(Throwable failure) {
		return failure instanceof TimeoutException || (failure instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
	}

}
