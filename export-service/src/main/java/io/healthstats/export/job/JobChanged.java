package io.healthstats.export.job;

/** A job got a new pending event: a hint to send it now rather than at the next sweep. */
public record JobChanged(String jobId) {
}
