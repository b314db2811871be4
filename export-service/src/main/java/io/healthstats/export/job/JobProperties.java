package io.healthstats.export.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How export jobs run.
 * @param retention how long a finished file is kept before the cleanup deletes it ({@code export.retention})
 * @param lease how long a worker owns a running job without renewing; after it, another instance takes it over
 * @param maxAttempts runs of a job interrupted by a dying worker before it fails for good
 * @param workers jobs one instance runs at the same time
 * @param requeueAfter a job still QUEUED after this is announced again (its event may have been lost)
 * @param listLimit jobs listed at most
 * @param maxActivePerClient exports one client may have queued or running at once; beyond, a request is
 * refused with 429, so one client's script cannot hold every other client's exports up for hours
 */
@ConfigurationProperties("export.jobs")
public record JobProperties(@DefaultValue("7d") Duration retention, @DefaultValue("60s") Duration lease,
		@DefaultValue("3") int maxAttempts, @DefaultValue("2") int workers, @DefaultValue("10m") Duration requeueAfter,
		@DefaultValue("100") int listLimit, @DefaultValue("10") int maxActivePerClient) {
}
