package io.healthstats.report;

import java.util.List;

/**
 * Input that passed the request's shape checks but is still wrong (an unknown region, a bad query
 * parameter, a missing comment); answered like a validation failure, field by field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** What is wrong with one field or parameter. */
	public record FieldProblem(String field, String message) {
	}

}
