package io.healthstats.gateway.limits;

import java.security.Principal;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import io.healthstats.gateway.problem.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One noisy client must not take the platform down: each authenticated client (JWT
 * {@code client_id}, else {@code sub}) gets its own Bucket4j token bucket; once it is empty the
 * client gets 429 with {@code Retry-After} until it refills. Runs after Spring Security (whose
 * filter chain is ordered at -100), so the principal is known; public paths and calls without a
 * token are not counted here.
 *
 * <p>Buckets live in this gateway instance's memory, or in Redis when one is configured (see
 * {@link RateLimitConfiguration}).
 */
@Component
class ClientRateLimitFilter implements WebFilter, Ordered {

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final LimitProperties.RateLimit limits;

	private final ClientBuckets buckets;

	private final ProblemResponses problems;

	ClientRateLimitFilter(LimitProperties properties, ClientBuckets buckets, ProblemResponses problems) {
		this.limits = properties.rateLimit();
		this.buckets = buckets;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.limits.enabled()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(ClientRateLimitFilter::clientId)
			.flatMap(client -> admit(client, exchange, chain).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
			.then();
	}

	private Mono<Void> admit(String client, ServerWebExchange exchange, WebFilterChain chain) {
		return this.buckets.tryConsume(client).flatMap(probe -> admit(probe, exchange, chain));
	}

	private Mono<Void> admit(ConsumptionProbe probe, ServerWebExchange exchange, WebFilterChain chain) {
		if (probe.isConsumed()) {
			exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"This client has sent too many requests. Retry after " + seconds + " s.");
	}

	private static String clientId(Principal principal) {
		Object clientId = ((JwtAuthenticationToken) principal).getToken().getClaims().get("client_id");
		return (clientId instanceof String id && !id.isBlank()) ? id : principal.getName();
	}

}
