package io.healthstats.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.healthstats.gateway.problem.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies above {@code gateway.limits.max-body-size} get 413. A declared
 * {@code Content-Length} is refused before anything is read or relayed; a chunked body is counted
 * while it streams to the service and fails with {@link PayloadTooLargeException} as soon as it
 * crosses the limit (answered as 413 by the route's fallback or the error handler).
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final ProblemResponses problems;

	RequestBodyLimitFilter(LimitProperties properties, ProblemResponses problems) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// before security: an oversized body is refused without spending a signature check on it
		return -200;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is larger than the limit of " + this.maxBytes + " bytes.");
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CountingRequest(exchange, this.maxBytes)).build());
	}

	private static final class CountingRequest extends ServerHttpRequestDecorator {

		private final long maxBytes;

		CountingRequest(ServerWebExchange exchange, long maxBytes) {
			super(exchange.getRequest());
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(new PayloadTooLargeException(null));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
