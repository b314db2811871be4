package io.healthstats.export.run;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.gridfs.GridFSUploadStream;
import io.healthstats.export.ExportMetrics;
import io.healthstats.export.files.ExportFiles;
import io.healthstats.export.format.ReportContent;
import io.healthstats.export.format.ReportDocxWriter;
import io.healthstats.export.format.Row;
import io.healthstats.export.format.RowWriter;
import io.healthstats.export.job.ExportJob;
import io.healthstats.export.job.ExportJobs;
import io.healthstats.export.job.JobChanged;
import io.healthstats.export.job.JobEvents;
import io.healthstats.export.job.JobProperties;
import io.healthstats.export.upstream.IndicatorInfo;
import io.healthstats.export.upstream.IndicatorService;
import io.healthstats.export.upstream.ObservationQuery;
import io.healthstats.export.upstream.ObservationRow;
import io.healthstats.export.upstream.ReportService;
import io.healthstats.export.upstream.UpstreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs one job on this instance: takes it (QUEUED → RUNNING, leased to this worker), streams the rows
 * page by page from the indicator-service into a GridFS file, renewing the lease with the progress as
 * it goes, and ends it DONE or FAILED together with the event that says so. Memory stays bounded by
 * one page and the format writer's window, whatever the export's size.
 */
@Component
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	static final String UNEXPECTED = "The export failed unexpectedly. It has been logged; please try again or contact the operator.";

	private final String worker = ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID().toString().substring(0, 8);

	private final ExportJobs jobs;

	private final JobEvents events;

	private final ExportFiles files;

	private final IndicatorService indicators;

	private final ReportService reports;

	private final JobProperties properties;

	private final ExportMetrics metrics;

	private final ApplicationEventPublisher publisher;

	private final Duration beatEvery;

	JobRunner(ExportJobs jobs, JobEvents events, ExportFiles files, IndicatorService indicators, ReportService reports,
			JobProperties properties, ExportMetrics metrics, ApplicationEventPublisher publisher) {
		this.jobs = jobs;
		this.events = events;
		this.files = files;
		this.indicators = indicators;
		this.reports = reports;
		this.properties = properties;
		this.metrics = metrics;
		this.publisher = publisher;
		// often enough for a progress bar, and well within the lease
		this.beatEvery = properties.lease().dividedBy(3).compareTo(Duration.ofSeconds(2)) < 0 ? properties.lease().dividedBy(3)
				: Duration.ofSeconds(2);
	}

	/** Runs the job if it is still QUEUED; does nothing when another worker has it or it is over. */
	public void run(String jobId) {
		Instant now = Instant.now();
		this.jobs.claim(jobId, this.worker, now, now.plus(this.properties.lease())).ifPresent(this::execute);
	}

	private void execute(ExportJob job) {
		long started = System.nanoTime();
		log.info("Export {} ({} {}) attempt {} started", job.id(), job.format(), job.isReport() ? "report " + job.report()
				: job.indicators() + " " + job.region() + " " + job.from() + ".." + job.to(), job.attempt());
		GridFSUploadStream upload = this.files.create(job.fileId(), job.filename(), job.id(), job.format().contentType());
		boolean stored = false;
		try {
			CountingOutputStream out = new CountingOutputStream(upload);
			long rows = job.isReport() ? writeReport(job, out) : writeObservations(job, out);
			upload.close();
			stored = true;
			Instant now = Instant.now();
			Instant expiresAt = now.plus(this.properties.retention());
			if (!this.jobs.complete(job, this.worker, rows, out.count(), now, expiresAt,
					this.events.completed(job, rows, out.count(), expiresAt, now))) {
				throw new LeaseLostException(job.id());
			}
			this.metrics.finished(job.format(), true, Duration.ofNanos(System.nanoTime() - started), out.count());
			log.info("Export {} done: {} rows, {} bytes in {} ms", job.id(), rows, out.count(),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (LeaseLostException ex) {
			log.warn("Export {} was taken over by another worker; this attempt's file is dropped", job.id());
			discard(job, upload, stored);
		}
		catch (UpstreamException | ExportFailure ex) {
			fail(job, upload, stored, ex.getMessage(), started);
		}
		catch (Exception ex) {
			log.error("Export {} failed", job.id(), ex);
			fail(job, upload, stored, UNEXPECTED, started);
		}
		finally {
			this.publisher.publishEvent(new JobChanged(job.id()));
		}
	}

	private long writeObservations(ExportJob job, OutputStream out) throws IOException {
		Map<String, IndicatorInfo> catalogue = this.indicators.catalogue();
		RegionNames regionNames = new RegionNames(this.indicators);
		ObservationQuery query = new ObservationQuery(job.indicators(), job.region(), job.from(), job.to());
		RowWriter writer = job.format().rowWriter(out);
		try {
			Written written = new Written(job, writer, catalogue, regionNames);
			this.indicators.observations(query, written);
			written.counted();
			writer.close();
			return written.rows;
		}
		catch (RuntimeException | IOException ex) {
			writer.abandon();
			throw ex;
		}
	}

	/**
	 * Writes each row as the indicator-service streams it, with the names a reader needs; every
	 * {@value #CHECK_EVERY} rows it counts them and, every {@code beatEvery}, renews the lease with the
	 * progress (a lost lease ends the export there).
	 */
	private final class Written implements IndicatorService.RowSink {

		private static final int CHECK_EVERY = 1024;

		private final ExportJob job;

		private final RowWriter writer;

		private final Map<String, IndicatorInfo> catalogue;

		private final RegionNames regionNames;

		private final Progress progress;

		private long rows;

		private long counted;

		private long nextBeat;

		Written(ExportJob job, RowWriter writer, Map<String, IndicatorInfo> catalogue, RegionNames regionNames) {
			this.job = job;
			this.writer = writer;
			this.catalogue = catalogue;
			this.regionNames = regionNames;
			this.progress = new Progress(job.indicators(), job.region());
			this.nextBeat = System.nanoTime() + JobRunner.this.beatEvery.toNanos();
		}

		@Override
		public void accept(ObservationRow observation) throws IOException {
			IndicatorInfo indicator = this.catalogue.get(observation.indicator());
			this.writer.write(new Row(observation.indicator(), indicator == null ? "" : indicator.nameZh(), observation.region(),
					this.regionNames.of(observation.region()), observation.period(), observation.value(), observation.numerator(),
					observation.denominator(), indicator == null ? "" : indicator.unit()));
			if (++this.rows % CHECK_EVERY == 0) {
				counted();
				if (System.nanoTime() - this.nextBeat > 0) {
					beat(this.job, this.rows, this.progress.after(observation.indicator(), observation.region()));
					this.nextBeat = System.nanoTime() + JobRunner.this.beatEvery.toNanos();
				}
			}
		}

		/** Adds the rows written since the last count to the rows metric. */
		void counted() {
			JobRunner.this.metrics.rows(this.job.format(), this.rows - this.counted);
			this.counted = this.rows;
		}

	}

	private long writeReport(ExportJob job, OutputStream out) throws IOException {
		ReportService.Report report = this.reports.report(job.report())
			.orElseThrow(() -> new ExportFailure("Report " + job.report() + " no longer exists."));
		List<ReportService.Figure> figures = this.reports.figures(job.report());
		String regionName = this.indicators.region(report.region()).map(region -> region.name()).orElse(report.region());
		ReportContent content = new ReportContent(report.id(), report.title(), report.region(), regionName, report.period(),
				report.kind(), report.status(), report.version(), report.text(), sections(report.sections()),
				figures.stream()
					.map(f -> new ReportContent.Figure(f.text(), f.section(), f.value(), f.unit(), f.indicator(), f.kind(),
							f.placeholder()))
					.toList());
		ReportDocxWriter.write(content, out);
		return figures.size();
	}

	private static List<ReportContent.Section> sections(List<ReportService.Section> sections) {
		return sections.stream()
			.map(s -> new ReportContent.Section(s.number(), s.title(), s.level(), s.start(), s.end(), sections(s.children())))
			.toList();
	}

	private void beat(ExportJob job, long rows, int percent) {
		if (!this.jobs.heartbeat(job.id(), this.worker, rows, percent, Instant.now().plus(this.properties.lease()))) {
			throw new LeaseLostException(job.id());
		}
	}

	private void fail(ExportJob job, GridFSUploadStream upload, boolean stored, String reason, long started) {
		log.warn("Export {} failed: {}", job.id(), reason);
		discard(job, upload, stored);
		Instant now = Instant.now();
		if (this.jobs.fail(job, this.worker, reason, now, this.events.failed(job, reason, now))) {
			this.metrics.finished(job.format(), false, Duration.ofNanos(System.nanoTime() - started), 0);
		}
	}

	private void discard(ExportJob job, GridFSUploadStream upload, boolean stored) {
		try {
			if (stored) {
				this.files.delete(job.fileId());
			}
			else {
				upload.abort();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the partial file of export {}: {}", job.id(), ex.toString());
		}
	}

}
