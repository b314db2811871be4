package io.healthstats.report.web;

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
import io.healthstats.web.ApiProblems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** This service's own exceptions as problems; {@link ApiProblems} answers those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblems {

	private final long maxUpload;

	ProblemDetailsAdvice(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
		this.maxUpload = maxUpload.toBytes();
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

}
