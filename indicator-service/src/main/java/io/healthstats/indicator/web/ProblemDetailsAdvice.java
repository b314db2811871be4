package io.healthstats.indicator.web;

import java.util.List;
import java.util.Map;

import io.healthstats.indicator.catalogue.UnknownIndicatorException;
import io.healthstats.indicator.observation.RejectedBatchException;
import io.healthstats.indicator.observation.TooManyRowsException;
import io.healthstats.indicator.observation.UnreadableBodyException;
import io.healthstats.indicator.period.InvalidPeriodException;
import io.healthstats.indicator.region.InvalidRegionException;
import io.healthstats.indicator.region.UnknownRegionException;
import io.healthstats.web.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's own exceptions as problems; {@link ApiProblems} answers those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ApiProblems {

	@ExceptionHandler(InvalidPeriodException.class)
	ProblemDetail invalidPeriod(InvalidPeriodException ex) {
		return fieldProblem("invalid-period", "Invalid period", ex.field(), ex.getMessage());
	}

	@ExceptionHandler(UnknownIndicatorException.class)
	ProblemDetail unknownIndicator(UnknownIndicatorException ex) {
		return problem(HttpStatus.NOT_FOUND, "unknown-indicator", "Unknown indicator", ex.getMessage());
	}

	@ExceptionHandler(UnknownRegionException.class)
	ProblemDetail unknownRegion(UnknownRegionException ex) {
		return problem(HttpStatus.NOT_FOUND, "unknown-region", "Unknown region", ex.getMessage());
	}

	@ExceptionHandler(InvalidRegionException.class)
	ProblemDetail invalidRegion(InvalidRegionException ex) {
		return fieldProblem("invalid-region", "Invalid region", ex.field(), ex.getMessage());
	}

	@ExceptionHandler(UnreadableBodyException.class)
	ProblemDetail unreadable(UnreadableBodyException ex) {
		return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", ex.getMessage());
	}

	@ExceptionHandler(TooManyRowsException.class)
	ProblemDetail tooManyRows(TooManyRowsException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows", "Too many rows", ex.getMessage());
	}

	@ExceptionHandler(RejectedBatchException.class)
	ProblemDetail rejected(RejectedBatchException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rejected-rows", "No row stored", ex.getMessage());
		problem.setProperty("accepted", 0);
		problem.setProperty("rejected", ex.result().rejected());
		return problem;
	}

	/** A problem about one field of the request, that field listed in {@code errors} as validation problems list theirs. */
	private static ProblemDetail fieldProblem(String type, String title, String field, String message) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type, title, message);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}
