package io.healthstats.indicator.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Eight fields; written by hand because the
 * SDK's JSON format module is built on Jackson 2 while Boot 4 runs Jackson 3.
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, Object data) {

	public static CloudEvent of(String id, String type, String subject, Instant time, Object data) {
		return new CloudEvent("1.0", id, "/indicator-service", type, subject, time, "application/json", data);
	}

}
