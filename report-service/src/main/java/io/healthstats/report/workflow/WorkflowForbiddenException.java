package io.healthstats.report.workflow;

/** The caller sees the report but may not take this step on it. */
public class WorkflowForbiddenException extends RuntimeException {

	public WorkflowForbiddenException(String message) {
		super(message);
	}

}
