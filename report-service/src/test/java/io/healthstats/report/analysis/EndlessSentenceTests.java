package io.healthstats.report.analysis;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A document of the largest accepted size (a million characters) that is one endless sentence of figures —
 * a table pasted without full stops, or a client probing the service. Each figure's context used to be looked
 * for across the whole sentence: 20,000 figures took 15 s and 110,000 several minutes, so the upload met the
 * gateway's 30 s timeout while the service kept working. The bound here is that timeout, not a speed goal;
 * the speed is in BENCHMARK.md.
 */
class EndlessSentenceTests {

	private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(30);

	@Test
	void readsEveryFigureOfAMillionCharactersWithoutAFullStop() {
		String text = "一、工作概况\n" + "门诊12人次，".repeat(140_000);

		Analysis analysis = assertTimeoutPreemptively(GATEWAY_TIMEOUT, () -> Analyzers.analyze(text));

		assertThat(analysis.figures()).hasSize(140_000);
		assertThat(analysis.figures().stream().filter(f -> f.value().intValue() == 12 && f.unit().equals("人次"))).hasSize(140_000);
	}

	@Test
	void pairsEveryRateWithTheCountsBesideItInAnEndlessSentence() {
		String text = "一、工作概况\n" + "应检1200人，已检1150人，完成率95.8%，".repeat(40_000);

		Analysis analysis = assertTimeoutPreemptively(GATEWAY_TIMEOUT, () -> Analyzers.analyze(text));

		assertThat(analysis.rates()).hasSize(40_000);
		assertThat(analysis.rates().stream().filter(parts -> parts.numerator().value().equals(new BigDecimal("1150"))
				&& parts.denominator().value().equals(new BigDecimal("1200"))
				&& Math.abs(parts.rate().start() - parts.denominator().start()) < 20)).hasSize(40_000);
	}

	@Test
	void findsTheClauseEndOfEveryFigureOfAMillionCharactersWithoutAnyDelimiter() {
		String text = "一、工作概况\n" + "12人次门诊".repeat(160_000);

		Analysis analysis = assertTimeoutPreemptively(GATEWAY_TIMEOUT, () -> Analyzers.analyze(text));

		assertThat(analysis.figures()).hasSize(160_000);
	}

}
