package io.healthstats.report.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IndicatorDictionaryTests {

	@Test
	void withoutUnitListsAnIndicatorAcceptsAnyUnit() {
		DocumentAnalyzer analyzer = new DocumentAnalyzer(new IndicatorDictionary(Map.of("CHILDCARE_SLOTS", List.of("托位"))));
		assertThat(analyzer.analyze("新增托位120个,托位使用率80%。").figures()).extracting(Figure::indicator)
			.containsExactly("CHILDCARE_SLOTS", "CHILDCARE_SLOTS");
	}

	@Test
	void withUnitListsAFigureOfAnotherUnitStaysUnmapped() {
		DocumentAnalyzer analyzer = new DocumentAnalyzer(new IndicatorDictionary(
				Map.of("CHILDCARE_SLOTS", List.of("托位")), Map.of("CHILDCARE_SLOTS", List.of("个", "张"))));
		assertThat(analyzer.analyze("新增托位120个,托位使用率80%。").figures()).extracting(Figure::indicator)
			.containsExactly("CHILDCARE_SLOTS", null);
	}

	@Test
	void refusesUnitsForAnIndicatorWithoutPhrases() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IndicatorDictionary(
				Map.of("BIRTHS", List.of("出生")), Map.of("BIRTH", List.of("人"))))
			.withMessageContaining("BIRTH");
	}

}
