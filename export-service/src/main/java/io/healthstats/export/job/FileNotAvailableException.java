package io.healthstats.export.job;

/** The file of an export that is not DONE: 409 while it may still come, 410 once it expired. */
public class FileNotAvailableException extends RuntimeException {

	private final JobStatus status;

	FileNotAvailableException(ExportJob job) {
		super(message(job));
		this.status = job.status();
	}

	public JobStatus status() {
		return this.status;
	}

	public boolean gone() {
		return this.status == JobStatus.EXPIRED;
	}

	private static String message(ExportJob job) {
		return switch (job.status()) {
			case QUEUED, RUNNING -> "Export " + job.id() + " is " + job.status() + " (" + job.progress()
					+ " %); its file is ready when the status is DONE.";
			case FAILED -> "Export " + job.id() + " failed and has no file: " + job.error();
			case EXPIRED -> "The file of export " + job.id() + " was deleted when it expired at " + job.expiresAt()
					+ "; request the export again.";
			case DONE -> "Export " + job.id() + " is done.";
		};
	}

}
