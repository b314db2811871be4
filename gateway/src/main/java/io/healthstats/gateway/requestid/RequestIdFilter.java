package io.healthstats.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.healthstats.gateway.problem.ProblemResponses;
import io.healthstats.gateway.tracing.TraceIds;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own if it is a plausible id, a new one
 * otherwise. The id travels to the service with the request, comes back on the response (also on
 * 401/404/429/503 answered by the gateway itself) and is in the gateway's access log line, so one
 * id ties together what the client saw, what the gateway did and what the service logged. It also
 * notes the path as sent, for problem details answered after a fallback forward changed it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

	static final String HEADER = "X-Request-Id";

	/** Short, printable, no separators: a caller cannot inject lines or markup into logs through it. */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Logger access = LoggerFactory.getLogger("io.healthstats.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (offered != null && ACCEPTABLE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
		exchange.getAttributes().put(ProblemResponses.ORIGINAL_PATH_ATTR, exchange.getRequest().getPath().value());
		ServerWebExchange identified = exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(HEADER, id)))
			.build();
		long start = System.nanoTime();
		identified.getResponse().beforeCommit(() -> {
			// set, not add: a service that echoes the id must not make it appear twice
			identified.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(identified).doFinally(signal -> {
			if (access.isInfoEnabled()) {
				TraceIds.log(exchange, () -> access.info("{} {} {} {} ms id={}", exchange.getRequest().getMethod(),
						exchange.getRequest().getPath().value(), identified.getResponse().getStatusCode(),
						(System.nanoTime() - start) / 1_000_000, id));
			}
		});
	}

}
