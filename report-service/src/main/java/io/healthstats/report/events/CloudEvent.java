package io.healthstats.report.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope and its data in one document.
 */
record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, Object data) {

	static final String SOURCE = "/report-service";

	static CloudEvent of(String id, String type, String subject, Instant time, Object data) {
		return new CloudEvent("1.0", id, SOURCE, type, subject, time, "application/json", data);
	}

}
