package io.healthstats.export.run;

/** Another instance took the job over (this worker was too slow to renew its lease): stop quietly. */
class LeaseLostException extends RuntimeException {

	LeaseLostException(String jobId) {
		super("Job " + jobId + " is no longer ours");
	}

}
