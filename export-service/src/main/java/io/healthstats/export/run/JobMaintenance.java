package io.healthstats.export.run;

import java.time.Instant;

import io.healthstats.export.ExportMetrics;
import io.healthstats.export.files.ExportFiles;
import io.healthstats.export.job.ExportJob;
import io.healthstats.export.job.ExportJobs;
import io.healthstats.export.job.JobChanged;
import io.healthstats.export.job.JobEvents;
import io.healthstats.export.job.JobProperties;
import io.healthstats.export.job.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sweeps that keep jobs moving when something died. Every instance runs them; each change is
 * conditional, so two instances sweeping at once change a job once.
 * <ul>
 * <li>A RUNNING job whose lease ran out (its worker died) goes back to QUEUED with a new request event
 * — or FAILED after {@code max-attempts} — and its half-written file is deleted. Never stuck in RUNNING.
 * <li>A job QUEUED for longer than {@code requeue-after} is announced again.
 * <li>A DONE job past its retention loses its file and becomes EXPIRED (the local store has no TTL indexes).
 * </ul>
 */
@Component
class JobMaintenance {

	private static final Logger log = LoggerFactory.getLogger(JobMaintenance.class);

	private final ExportJobs jobs;

	private final JobEvents events;

	private final ExportFiles files;

	private final JobProperties properties;

	private final ExportMetrics metrics;

	private final ApplicationEventPublisher publisher;

	JobMaintenance(ExportJobs jobs, JobEvents events, ExportFiles files, JobProperties properties, ExportMetrics metrics,
			ApplicationEventPublisher publisher) {
		this.jobs = jobs;
		this.events = events;
		this.files = files;
		this.properties = properties;
		this.metrics = metrics;
		this.publisher = publisher;
	}

	@Scheduled(fixedDelayString = "${export.jobs.sweep-interval:10s}", initialDelayString = "${export.jobs.sweep-interval:10s}")
	void recover() {
		Instant now = Instant.now();
		for (ExportJob job : this.jobs.abandoned(now)) {
			this.files.delete(job.fileId());
			boolean changed;
			if (job.attempt() >= this.properties.maxAttempts()) {
				String reason = "The export was interrupted " + job.attempt()
						+ " times (the service running it stopped) and is not tried again.";
				changed = this.jobs.giveUp(job, reason, now, this.events.failed(job, reason, now));
				if (changed) {
					log.warn("Export {} failed: {}", job.id(), reason);
				}
			}
			else {
				changed = this.jobs.requeue(job, now, this.events.requested(job, job.attempt() + 1, now));
				if (changed) {
					this.metrics.recovered();
					log.info("Export {} re-queued: worker {} stopped renewing its lease", job.id(), job.worker());
				}
			}
			if (changed) {
				this.publisher.publishEvent(new JobChanged(job.id()));
			}
		}
		for (ExportJob job : this.jobs.waitingSince(now.minus(this.properties.requeueAfter()))) {
			if (this.jobs.remind(job, now, this.events.requested(job, job.attempt() + 1, now))) {
				this.publisher.publishEvent(new JobChanged(job.id()));
			}
		}
		this.metrics.active(this.jobs.count(JobStatus.QUEUED), this.jobs.count(JobStatus.RUNNING));
	}

	@Scheduled(fixedDelayString = "${export.jobs.cleanup-interval:1m}", initialDelayString = "${export.jobs.cleanup-interval:1m}")
	void deleteExpiredFiles() {
		for (ExportJob job : this.jobs.expired(Instant.now())) {
			// the file first: a crash in between leaves a job the next sweep expires again
			this.files.delete(job.fileId());
			if (this.jobs.markExpired(job)) {
				this.metrics.expired();
				log.info("Export {} expired; its file was deleted", job.id());
			}
		}
	}

}
