package io.healthstats.export.job;

import java.util.List;
import java.util.Map;

/** A request that cannot be exported, with what is wrong per field; answered 400, nothing queued. */
public class InvalidExportException extends RuntimeException {

	private final List<Map<String, Object>> errors;

	InvalidExportException(List<Map<String, Object>> errors) {
		super("The export request has invalid fields.");
		this.errors = List.copyOf(errors);
	}

	public List<Map<String, Object>> errors() {
		return this.errors;
	}

}
