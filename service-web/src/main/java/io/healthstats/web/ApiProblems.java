package io.healthstats.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every service answers as RFC 9457 {@code application/problem+json} whatever its own exceptions: Spring
 * MVC's own errors (unreadable JSON, unknown path, wrong method…) with a stable {@code type} — the status in
 * words ({@code bad-request}, {@code method-not-allowed}), as Spring Framework 7 leaves it out — validation
 * failures with per-field {@code errors}, a broken multipart body, a denied access, and a generic 500 that never
 * reveals an exception message. Each service's {@code @RestControllerAdvice} extends it with its own exceptions.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

	public static final String TYPE_BASE = "https://healthstats.io/problems/";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's ErrorResponse exceptions (wrong method, unsupported media type…) come without a body: theirs is
		// taken only further down, so take it here to give it its type
		Object problemBody = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		if (problemBody instanceof ProblemDetail problem && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String slug = (status != null) ? status.name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
			problem.setType(URI.create(TYPE_BASE + slug));
		}
		return super.handleExceptionInternal(ex, problemBody, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::fieldError)
			.toList();
		return handleExceptionInternal(ex, validationProblem(errors), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.<String, Object>of("field", result.getMethodParameter().getParameterName(), "message",
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
	}

	/**
	 * A multipart/form-data body Tomcat cannot parse (cut short, a boundary other than the declared one) is the
	 * client's error. It is parsed before a handler is chosen, so it fails here even where no endpoint takes one.
	 * Too large an upload is not this: it keeps its 413.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "unreadable-multipart", "Unreadable multipart body",
				"The multipart/form-data body could not be read: it must be complete and use the boundary its Content-Type names.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred. It has been logged; please try again or contact the operator.");
		problem.setType(URI.create(TYPE_BASE + "internal-error"));
		return problem;
	}

	/** A problem of type {@link #TYPE_BASE}{@code type}. */
	protected static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/** A 400 {@code validation} problem listing each bad field with its message. */
	protected static ProblemDetail validationProblem(List<Map<String, Object>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		problem.setType(URI.create(TYPE_BASE + "validation"));
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

}
