package io.healthstats.gateway.limits;

import reactor.core.publisher.Mono;

import io.healthstats.gateway.problem.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A body declared as a wildcard type ({@code Content-Type: *}{@code /*}, {@code text/*}) gets 415: it says
 * nothing about the body, and Spring MVC in the services fails on it with an internal error instead of
 * refusing it (found by FuzzIT). A type that cannot be parsed at all goes on: the services answer it 415.
 */
@Component
class ContentTypeFilter implements WebFilter, Ordered {

	private final ProblemResponses problems;

	ContentTypeFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// with the body limit, before security: nothing to verify a token for
		return -199;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String declared = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		if (declared != null && isWildcard(declared)) {
			return this.problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Content-Type " + declared + " names no type; send the body's own, e.g. application/json.");
		}
		return chain.filter(exchange);
	}

	private static boolean isWildcard(String declared) {
		try {
			MediaType type = MediaType.parseMediaType(declared);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
