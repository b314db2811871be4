package io.healthstats.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTests {

	@Test
	void percentilesAreLatenciesThatHappened() {
		// 1..100 ms in shuffled order: the median is the 50th fastest, p99 the 99th
		long[] latencies = new long[100];
		for (int i = 0; i < 100; i++) {
			latencies[i] = ((i * 37) % 100 + 1) * 1_000_000L;
		}
		Stats stats = Stats.of(latencies, 2_000_000_000L);
		assertThat(stats.p50Millis()).isEqualTo(50.0);
		assertThat(stats.p99Millis()).isEqualTo(99.0);
		assertThat(stats.maxMillis()).isEqualTo(100.0);
		assertThat(stats.meanNanos()).isEqualTo(50_500_000L);
		assertThat(stats.perSecond()).isEqualTo(50.0);
	}

	@Test
	void p99OfFewRequestsIsTheSlowestButNotBeyond() {
		long[] latencies = { 3, 1, 2 };
		assertThat(Stats.percentile(new long[] { 1, 2, 3 }, 99)).isEqualTo(3);
		assertThat(Stats.percentile(new long[] { 1, 2, 3 }, 50)).isEqualTo(2);
		assertThat(Stats.of(latencies, 1).p50Nanos()).isEqualTo(2);
	}

	@Test
	void roundsTakenInTurnsCountAsOneMeasurement() {
		// 2 requests in 1 s and 2 in 3 s: 4 requests in 4 s of measuring
		Stats stats = Stats.of(List.of(new ClosedLoop.Run(new long[] { 10, 40 }, 1_000_000_000L),
				new ClosedLoop.Run(new long[] { 20, 30 }, 3_000_000_000L)));
		assertThat(stats.count()).isEqualTo(4);
		assertThat(stats.perSecond()).isEqualTo(1.0);
		assertThat(stats.p50Nanos()).isEqualTo(20);
		assertThat(stats.maxNanos()).isEqualTo(40);
	}

	@Test
	void printsAMarkdownTableWithAlignedColumns() {
		String table = new Table("what", "p50").row("series", Table.millis(3.456)).row("breakdown", Table.millis(12.34)).toString();
		assertThat(table.lines()).containsExactly(
				"| what      | p50     |",
				"| --------- | ------- |",
				"| series    | 3.46 ms |",
				"| breakdown | 12.3 ms |");
	}

}
