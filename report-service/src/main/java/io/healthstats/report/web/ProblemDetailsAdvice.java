package io.healthstats.report.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.healthstats.report.InvalidInputException;
import io.healthstats.report.document.ReportNotFoundException;
import io.healthstats.report.document.UnreadableDocumentException;
import io.healthstats.report.document.UnsupportedDocumentException;
import io.healthstats.report.events.ConcurrentChangeException;
import io.healthstats.report.region.RegionDirectoryUnavailableException;
import io.healthstats.report.region.RegionForbiddenException;
import io.healthstats.report.workflow.InvalidTransitionException;
import io.healthstats.report.workflow.ReportLockedException;
import io.healthstats.report.workflow.StaleVersionException;
import io.healthstats.report.workflow.WorkflowForbiddenException;
import io.healthstats.web.TypedProblems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every error of this service as RFC 9457 {@code application/problem+json}: Spring MVC's own
 * exceptions (malformed JSON, unknown path, wrong method…), validation failures with per-field
 * {@code errors}, and a generic 500 that never reveals an exception message.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends TypedProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final long maxUpload;

	ProblemDetailsAdvice(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
		this.maxUpload = maxUpload.toBytes();
	}

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

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
				"The upload is larger than the limit of " + this.maxUpload + " bytes (" + (this.maxUpload >> 20)
						+ " MiB); split the document or remove embedded images.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}


	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return validationProblem(ex.problems()
			.stream()
			.map((problem) -> Map.<String, Object>of("field", problem.field(), "message", problem.message()))
			.toList());
	}

	@ExceptionHandler(ReportNotFoundException.class)
	ProblemDetail notFound(ReportNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "report-not-found", "Report not found", ex.getMessage());
	}

	@ExceptionHandler(RegionForbiddenException.class)
	ProblemDetail forbiddenRegion(RegionForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden-region", "Region outside the caller's", ex.getMessage());
	}

	@ExceptionHandler(WorkflowForbiddenException.class)
	ProblemDetail forbiddenStep(WorkflowForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "workflow-forbidden", "Step not allowed", ex.getMessage());
	}

	@ExceptionHandler(InvalidTransitionException.class)
	ProblemDetail invalidTransition(InvalidTransitionException ex) {
		return problem(HttpStatus.CONFLICT, "invalid-transition", "Step not possible now", ex.getMessage());
	}

	@ExceptionHandler(ReportLockedException.class)
	ProblemDetail locked(ReportLockedException ex) {
		return problem(HttpStatus.CONFLICT, "report-locked", "Report locked", ex.getMessage());
	}

	@ExceptionHandler(ConcurrentChangeException.class)
	ProblemDetail concurrentChange(ConcurrentChangeException ex) {
		return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time", ex.getMessage());
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException ex) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version", ex.getMessage());
		if (ex.currentVersion() > 0) {
			problem.setProperty("currentVersion", ex.currentVersion());
		}
		return problem;
	}

	@ExceptionHandler(PreconditionRequiredException.class)
	ProblemDetail preconditionRequired(PreconditionRequiredException ex) {
		return problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", ex.getMessage());
	}

	@ExceptionHandler(UnreadableDocumentException.class)
	ProblemDetail unreadable(UnreadableDocumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "unreadable-document", "Unreadable document", ex.getMessage());
	}

	@ExceptionHandler(UnsupportedDocumentException.class)
	ProblemDetail unsupported(UnsupportedDocumentException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-document", "Unsupported document type",
				ex.getMessage());
	}

	@ExceptionHandler(RegionDirectoryUnavailableException.class)
	ProblemDetail directoryUnavailable(RegionDirectoryUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "region-directory-unavailable", "Region directory unavailable",
				"The region could not be checked because the indicator-service is not reachable; please retry shortly.");
	}

	/**
	 * A multipart body Tomcat cannot parse (cut short, a boundary other than the declared one) is
	 * the client's error. Too large an upload is not this: it keeps its 413 above.
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

	static ProblemDetail validationProblem(List<Map<String, Object>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		problem.setType(URI.create(TYPE_BASE + "validation"));
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

}
