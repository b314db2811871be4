package io.healthstats.export.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The events of a job, on {@code export.exports.v1}: {@value #REQUESTED} (workers run the job),
 * {@value #COMPLETED} and {@value #FAILED} (for partners). Ids are deterministic — a re-sent event
 * carries the same id, and consumers drop ids they have seen.
 */
@Component
public class JobEvents {

	public static final String REQUESTED = "io.healthstats.export.requested";

	public static final String COMPLETED = "io.healthstats.export.completed";

	public static final String FAILED = "io.healthstats.export.failed";

	private final JsonMapper json;

	JobEvents(JsonMapper json) {
		this.json = json;
	}

	/** Asks a worker to run {@code attempt} of the job (1 for a new job; more after a worker died). */
	public PendingEvent requested(ExportJob job, int attempt, Instant now) {
		Map<String, Object> data = base(job);
		data.put("requestedBy", job.ownerClient());
		data.put("attempt", attempt);
		return event("export:" + job.id() + ":requested:" + attempt, REQUESTED, job, now, data);
	}

	public PendingEvent completed(ExportJob job, long rows, long size, Instant expiresAt, Instant now) {
		Map<String, Object> data = base(job);
		data.put("rows", rows);
		data.put("size", size);
		data.put("filename", job.filename());
		data.put("file", "/api/v1/exports/" + job.id() + "/file");
		data.put("expiresAt", expiresAt);
		return event("export:" + job.id() + ":completed", COMPLETED, job, now, data);
	}

	public PendingEvent failed(ExportJob job, String error, Instant now) {
		Map<String, Object> data = base(job);
		data.put("error", error);
		data.put("attempt", job.attempt());
		return event("export:" + job.id() + ":failed", FAILED, job, now, data);
	}

	private static Map<String, Object> base(ExportJob job) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", job.id());
		data.put("format", job.format().id());
		data.put("region", job.region());
		if (job.isReport()) {
			data.put("report", job.report());
		}
		else {
			data.put("indicators", job.indicators());
			data.put("from", job.from());
			data.put("to", job.to());
		}
		return data;
	}

	private PendingEvent event(String id, String type, ExportJob job, Instant now, Map<String, Object> data) {
		CloudEvent event = CloudEvent.of(id, type, job.id(), now, data);
		return new PendingEvent(id, type, job.region(), this.json.writeValueAsString(event));
	}

}
