package io.healthstats.gateway.problem;

import java.net.URI;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own answers (401, 404, 413, 429, 503…) as RFC 9457
 * {@code application/problem+json} with the same {@code type} URIs as the services, through the
 * WebFlux codecs so the JSON looks exactly like a problem returned by a controller.
 */
@Component
public class ProblemResponses {

	public static final String TYPE_BASE = "https://healthstats.io/problems/";

	/** Exchange attribute holding the path as the client sent it, before routes or fallbacks changed it. */
	public static final String ORIGINAL_PATH_ATTR = ProblemResponses.class.getName() + ".originalPath";

	private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

	private final HttpMessageWriter<ProblemDetail> writer;

	@SuppressWarnings("unchecked")
	ProblemResponses(ServerCodecConfigurer codecs) {
		this.writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters()
			.stream()
			.filter(candidate -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No JSON encoder for ProblemDetail"));
	}

	public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		return problem;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
		return write(exchange, problem(status, slug, detail));
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(originalPath(exchange)));
		}
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return this.writer.write(Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
	}

	/** The path the client asked for, even after a route rewrote it or a fallback forwarded it. */
	public static String originalPath(ServerWebExchange exchange) {
		String original = exchange.getAttribute(ORIGINAL_PATH_ATTR);
		return (original != null) ? original : exchange.getRequest().getPath().value();
	}

}
