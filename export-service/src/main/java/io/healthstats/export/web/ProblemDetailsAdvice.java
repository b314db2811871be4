package io.healthstats.export.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.healthstats.export.job.FileNotAvailableException;
import io.healthstats.export.job.InvalidExportException;
import io.healthstats.export.job.NotFoundException;
import io.healthstats.export.job.TooManyExportsException;
import io.healthstats.export.upstream.UpstreamException;
import io.healthstats.web.TypedProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every error of this service as RFC 9457 {@code application/problem+json}: Spring MVC's own
 * exceptions (malformed JSON, unknown path, wrong method…), validation failures with per-field
 * {@code errors}, and a generic 500 that never reveals an exception message.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends TypedProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::fieldError)
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

	@ExceptionHandler(InvalidExportException.class)
	ProblemDetail invalid(InvalidExportException ex) {
		return validationProblem(ex.errors());
	}

	@ExceptionHandler(TooManyExportsException.class)
	ProblemDetail tooMany(TooManyExportsException ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-exports", "Too many exports", ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.type(), "Not found", ex.getMessage());
	}

	@ExceptionHandler(FileNotAvailableException.class)
	ProblemDetail fileNotAvailable(FileNotAvailableException ex) {
		ProblemDetail problem = ex.gone() ? problem(HttpStatus.GONE, "export-expired", "Export file deleted", ex.getMessage())
				: problem(HttpStatus.CONFLICT, "export-not-ready", "Export file not available", ex.getMessage());
		problem.setProperty("status", ex.status().name());
		return problem;
	}

	@ExceptionHandler(UpstreamException.class)
	ProblemDetail upstream(UpstreamException ex) {
		log.warn("Upstream failure: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "A service exports depend on is unavailable",
				ex.getMessage() + " Please try again shortly.");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
	}

	/**
	 * Any multipart/form-data request is parsed before a handler is chosen, so a broken one (cut
	 * short, a boundary other than the declared one) fails here, although no endpoint takes one.
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

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	static ProblemDetail validationProblem(List<Map<String, Object>> errors) {
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
