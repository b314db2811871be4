package io.healthstats.export.job;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, written by hand like the other services do (the
 * SDK's JSON format is built on Jackson 2, Boot 4 runs Jackson 3).
 */
record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, Object data) {

	static CloudEvent of(String id, String type, String subject, Instant time, Object data) {
		return new CloudEvent("1.0", id, "/export-service", type, subject, time, "application/json", data);
	}

}
