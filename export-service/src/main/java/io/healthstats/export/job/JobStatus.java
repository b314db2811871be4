package io.healthstats.export.job;

/**
 * Where an export job is. QUEUED → RUNNING → DONE or FAILED; a RUNNING job whose worker died goes back
 * to QUEUED when its lease runs out; a DONE job's file is deleted after the retention time (EXPIRED).
 */
public enum JobStatus {

	QUEUED, RUNNING, DONE, FAILED, EXPIRED

}
