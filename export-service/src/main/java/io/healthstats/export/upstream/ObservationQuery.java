package io.healthstats.export.upstream;

import java.util.List;

/**
 * Which observations an export reads: the indicators, every region of {@code region}'s subtree, and the
 * periods of any granularity within {@code from}..{@code to}.
 */
public record ObservationQuery(List<String> indicators, String region, String from, String to) {
}
