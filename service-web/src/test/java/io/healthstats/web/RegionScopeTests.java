package io.healthstats.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionScopeTests {

	@Test
	void provinceCoversEveryRegionWithItsFirstTwoDigits() {
		assertThat(RegionScope.covers("340000", "341523")).isTrue();
		assertThat(RegionScope.covers("340000", "341500")).isTrue();
		assertThat(RegionScope.covers("340000", "320102")).isFalse();
	}

	@Test
	void cityCoversItsCountiesButNotAnotherCitys() {
		assertThat(RegionScope.covers("341500", "341523")).isTrue();
		assertThat(RegionScope.covers("341500", "341500")).isTrue();
		assertThat(RegionScope.covers("341500", "341100")).isFalse();
		assertThat(RegionScope.covers("341500", "340000")).isFalse();
	}

	@Test
	void countyCoversOnlyItself() {
		assertThat(RegionScope.covers("341523", "341523")).isTrue();
		assertThat(RegionScope.covers("341523", "341502")).isFalse();
		assertThat(RegionScope.covers("341523", "341500")).isFalse();
	}

	@Test
	void countryRootCoversEveryRegion() {
		assertThat(RegionScope.covers("000000", "341523")).isTrue();
		assertThat(RegionScope.covers("000000", "110000")).isTrue();
		assertThat(RegionScope.covers("000000", "340000")).isTrue();
		assertThat(RegionScope.covers("000000", "000000")).isTrue();
		assertThat(RegionScope.covers("000000", "3415")).isFalse();
		assertThat(RegionScope.covers("341523", "000000")).isFalse();
	}

	@Test
	void malformedCodesCoverNothing() {
		assertThat(RegionScope.covers("3415", "341523")).isFalse();
		assertThat(RegionScope.covers("341500", "34152x")).isFalse();
		assertThat(RegionScope.covers("340000", "34ab00")).isFalse();
		assertThat(RegionScope.covers("000000", null)).isFalse();
		assertThat(RegionScope.covers(null, "341523")).isFalse();
	}

	@Test
	void prefixIsWhatEveryRegionOfTheSubtreeStartsWith() {
		assertThat(RegionScope.prefix("000000")).isEmpty();
		assertThat(RegionScope.prefix("340000")).isEqualTo("34");
		assertThat(RegionScope.prefix("341500")).isEqualTo("3415");
		assertThat(RegionScope.prefix("341523")).isEqualTo("341523");
	}

}
