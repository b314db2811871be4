package io.healthstats.export.job;

import java.time.Instant;
import java.util.List;

import io.healthstats.export.format.ExportFormat;
import org.bson.types.ObjectId;

/**
 * An export job as stored in {@code export_jobs}.
 * @param ownerClient the client that asked for it
 * @param ownerRegion that client's region: who may see the job (the region and the regions above it)
 * @param region the region whose subtree is exported (observations) or the report's region
 * @param indicators the indicators (observations), empty for a report
 * @param report the report id (docx), null for observations
 * @param filename the file name users see (UTF-8, Chinese allowed)
 * @param asciiFilename the fallback for clients that only read {@code filename="…"}
 * @param progress percent, estimated from how far the key order has been read
 * @param attempt how many times a worker has started it
 * @param worker the instance running it, while RUNNING
 * @param leaseUntil until when that worker owns it
 * @param fileId the GridFS id of this attempt's file
 */
public record ExportJob(String id, ExportFormat format, JobStatus status, String ownerClient, String ownerRegion,
		String region, List<String> indicators, String from, String to, String report, String filename,
		String asciiFilename, int progress, long rows, long size, String error, Instant createdAt, Instant startedAt,
		Instant finishedAt, Instant expiresAt, int attempt, String worker, Instant leaseUntil, ObjectId fileId) {

	/** This job as it is once its file is deleted. */
	ExportJob expired() {
		return new ExportJob(this.id, this.format, JobStatus.EXPIRED, this.ownerClient, this.ownerRegion, this.region,
				this.indicators, this.from, this.to, this.report, this.filename, this.asciiFilename, this.progress, this.rows, 0,
				this.error, this.createdAt, this.startedAt, this.finishedAt, this.expiresAt, this.attempt, this.worker,
				this.leaseUntil, this.fileId);
	}

	public boolean isReport() {
		return this.report != null;
	}

}
