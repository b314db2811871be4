package io.healthstats.export.web;

import io.healthstats.export.job.FileNotAvailableException;
import io.healthstats.export.job.InvalidExportException;
import io.healthstats.export.job.NotFoundException;
import io.healthstats.export.job.TooManyExportsException;
import io.healthstats.export.upstream.UpstreamException;
import io.healthstats.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's own exceptions as problems; {@link ApiProblems} answers those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

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

}
