package io.healthstats.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.healthstats.gateway.tracing.TraceIds;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself raises (no route for the path, wrong method, an upstream the
 * routing could not reach, a bug) as a problem detail. Runs before Boot's default handler so no
 * white-label page, default error JSON or exception text ever reaches a client.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final ProblemResponses problems;

	ProblemErrorHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		return this.problems.write(exchange, problemFor(exchange, failure));
	}

	private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof NotFoundException) {
			// The gateway's own "no upstream instance" error: for the client the service is down.
			TraceIds.log(exchange,
					() -> log.warn("No upstream for {}: {}", ProblemResponses.originalPath(exchange), failure.toString()));
			return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The service is unavailable at the moment. Please try again shortly.");
		}
		if (failure instanceof ResponseStatusException status) {
			ProblemDetail problem = forStatus(status.getStatusCode().value());
			exchange.getResponse().getHeaders().addAll(status.getHeaders());
			return problem;
		}
		TraceIds.log(exchange, () -> log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
				ProblemResponses.originalPath(exchange), failure));
		return forStatus(500);
	}

	/** A fixed, human detail per status: reasons of exceptions may name internals and stay in the log. */
	static ProblemDetail forStatus(int status) {
		return switch (status) {
			case 400 -> ProblemResponses.problem(HttpStatus.BAD_REQUEST, "bad-request", "The request is malformed.");
			case 404 -> ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "No resource at this path.");
			case 405 -> ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"This method is not supported for this path.");
			case 406 -> ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
					"None of the accepted media types can be produced.");
			case 413 -> ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is too large.");
			case 415 -> ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"This media type is not supported for this path.");
			case 502, 503 -> ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The service is unavailable at the moment. Please try again shortly.");
			case 504 -> ProblemResponses.problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
					"The service did not answer in time. Please try again.");
			default -> (status >= 400 && status < 500)
					? ProblemResponses.problem(clientError(status), "client-error", "The request cannot be served.")
					: ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
							"An unexpected error occurred. It has been logged; please try again or contact the operator.");
		};
	}

	private static HttpStatus clientError(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known : HttpStatus.BAD_REQUEST;
	}

}
