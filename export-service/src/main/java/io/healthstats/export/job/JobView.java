package io.healthstats.export.job;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** An export job as its owner sees it; never the stored document. */
@Schema(description = "An export job")
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobView(@Schema(example = "7d1f0c3e-2b8a-4f0e-9a51-3c2d1e0f4b6a") String id,
		@Schema(example = "RUNNING") JobStatus status, @Schema(example = "xlsx") String format,
		@Schema(description = "percent, estimated from how far the key order has been read", example = "40") int progress,
		@Schema(description = "rows written so far") long rows, @Schema(description = "file size in bytes, once DONE") long size,
		@Schema(description = "why it failed, when FAILED") String error, Instant createdAt, Instant startedAt,
		Instant finishedAt, @Schema(description = "when the file will be deleted") Instant expiresAt,
		@Schema(example = "门诊诊疗人次_六安市_2024-2025.xlsx") String filename, Query query,
		@Schema(example = "city-341500") String requestedBy,
		@Schema(example = "/api/v1/exports/7d1f0c3e-2b8a-4f0e-9a51-3c2d1e0f4b6a/file") String file) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Query(List<String> indicators, String region, String from, String to, String report) {
	}

	static JobView of(ExportJob job) {
		Query query = job.isReport() ? new Query(null, job.region(), null, null, job.report())
				: new Query(job.indicators(), job.region(), job.from(), job.to(), null);
		return new JobView(job.id(), job.status(), job.format().id(), job.progress(), job.rows(), job.size(), job.error(),
				job.createdAt(), job.startedAt(), job.finishedAt(), job.expiresAt(), job.filename(), query, job.ownerClient(),
				job.status() == JobStatus.DONE ? "/api/v1/exports/" + job.id() + "/file" : null);
	}

}
