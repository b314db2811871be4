package io.healthstats.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (unreadable JSON, unknown path, wrong method…) as problems with a stable {@code type}
 * like every other problem of the platform: {@code https://healthstats.io/problems/} and the status in words
 * ({@code bad-request}, {@code method-not-allowed}). Spring Framework 7 leaves their type out.
 */
public abstract class TypedProblems extends ResponseEntityExceptionHandler {

	public static final String TYPE_BASE = "https://healthstats.io/problems/";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String slug = (status != null) ? status.name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
			problem.setType(URI.create(TYPE_BASE + slug));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

}
