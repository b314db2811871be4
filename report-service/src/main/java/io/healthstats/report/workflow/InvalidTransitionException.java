package io.healthstats.report.workflow;

/** The step does not apply to the report's current status. */
public class InvalidTransitionException extends RuntimeException {

	public InvalidTransitionException(String message) {
		super(message);
	}

}
