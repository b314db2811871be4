package io.healthstats.gateway.limits;

import java.util.List;
import java.util.Map;

import io.healthstats.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A path and query longer than {@code gateway.limits.max-uri-length} get 414, headers larger than
 * {@code gateway.limits.max-header-size} get 431, both as problems. Netty reads up to eight times as much
 * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) so that these
 * answers come from here; what Netty itself refuses beyond that gets its bare status line.
 */
@Component
class RequestHeadLimitFilter implements WebFilter, Ordered {

	private final long maxUriLength;

	private final long maxHeaderSize;

	private final ProblemResponses problems;

	RequestHeadLimitFilter(LimitProperties properties, ProblemResponses problems) {
		this.maxUriLength = properties.maxUriLength().toBytes();
		this.maxHeaderSize = properties.maxHeaderSize().toBytes();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// before the body limit and security: nothing else is spent on such a request
		return -300;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String query = request.getURI().getRawQuery();
		long uriLength = request.getURI().getRawPath().length() + ((query != null) ? query.length() + 1 : 0);
		if (uriLength > this.maxUriLength) {
			return this.problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", "The path and query are "
					+ uriLength + " characters long; at most " + this.maxUriLength + " are accepted.");
		}
		long headerSize = headerSize(request.getHeaders().headerSet());
		if (headerSize > this.maxHeaderSize) {
			return this.problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
					"The request headers take " + headerSize + " bytes; at most " + this.maxHeaderSize + " are accepted.");
		}
		return chain.filter(exchange);
	}

	/** Names and values as sent, each line with its ": " and line end. */
	private static long headerSize(Iterable<Map.Entry<String, List<String>>> headers) {
		long size = 0;
		for (Map.Entry<String, List<String>> header : headers) {
			for (String value : header.getValue()) {
				size += header.getKey().length() + value.length() + 4;
			}
		}
		return size;
	}

}
