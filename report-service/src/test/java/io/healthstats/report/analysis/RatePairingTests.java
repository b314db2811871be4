package io.healthstats.report.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatePairingTests {

	private static Analysis analysis(String text) {
		return Analyzers.analyze(text);
	}

	private static Figure percent(Analysis analysis) {
		return analysis.figures().stream().filter((f) -> f.unit().equals("%")).findFirst().orElseThrow();
	}

	@Test
	void pairsARateWithTheCountsItWasComputedFrom() {
		// 24390 / 28516 = 0.855309… → 85.53 %
		Analysis analysis = analysis("规范开展重点人群健康体检工作,预约28516人,完成体检24390人,完成率85.53%。");
		assertThat(analysis.rateParts(percent(analysis))).hasValueSatisfying((parts) -> {
			assertThat(parts.numerator().value()).isEqualByComparingTo("24390");
			assertThat(parts.denominator().value()).isEqualByComparingTo("28516");
			assertThat(parts.rate().indicator()).isEqualTo("HEALTH_CHECK_COMPLETION_RATE");
		});
	}

	@Test
	void findsThePairAmongOtherCountsOfTheSentence() {
		// 3356 / 6685 = 0.502019… → 50.20 %; 997800 takes no part
		Analysis analysis = analysis("全县总人口99.78万人,全县共出生婴儿6685人,其中二孩出生3356人,二孩出生率50.20%;");
		assertThat(analysis.rateParts(percent(analysis))).hasValueSatisfying((parts) -> {
			assertThat(parts.numerator().indicator()).isEqualTo("SECOND_CHILD_BIRTHS");
			assertThat(parts.denominator().indicator()).isEqualTo("BIRTHS");
		});
	}

	@Test
	void acceptsHalfTheLastWrittenDigitWhenTheRateIsRoundedCoarsely() {
		// 24390 / 28516 = 85.5309 %: written 85.5 % it still agrees (±0.05)
		Analysis analysis = analysis("体检预约28516人,完成体检24390人,完成率85.5%。");
		assertThat(analysis.rateParts(percent(analysis))).isPresent();
	}

	@Test
	void refusesCountsThatDoNotGiveTheStatedRate() {
		// 24390 / 28516 = 85.53 %, not 86.53 %
		Analysis analysis = analysis("体检预约28516人,完成体检24390人,完成率86.53%。");
		assertThat(analysis.rateParts(percent(analysis))).isEmpty();
	}

	@Test
	void refusesCountsOfAnotherSentence() {
		Analysis analysis = analysis("体检预约39229人,完成体检26071人。完成率66.46%。");
		assertThat(analysis.rateParts(percent(analysis))).isEmpty();
	}

	@Test
	void refusesCountsOfDifferentUnits() {
		// 26071 / 39229 = 66.46 %, but doses are not people
		Analysis analysis = analysis("预约39229人,接种26071剂,完成率66.46%。");
		assertThat(analysis.rateParts(percent(analysis))).isEmpty();
	}

	@Test
	void leavesPlaceholderRatesWithoutParts() {
		Analysis analysis = analysis("体检预约XX人,完成体检XX人,完成率XX%。");
		assertThat(analysis.rates()).isEmpty();
		assertThat(analysis.rateParts(percent(analysis))).isEmpty();
	}

}
