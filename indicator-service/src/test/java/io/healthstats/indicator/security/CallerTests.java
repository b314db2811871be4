package io.healthstats.indicator.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	@Test
	void countryRootCoversEveryRegionOfEveryProvince() {
		assertThat(Caller.covers("000000", "341523")).isTrue();
		assertThat(Caller.covers("000000", "340000")).isTrue();
		assertThat(Caller.covers("000000", "110101")).isTrue();
		assertThat(Caller.covers("000000", "000000")).isTrue();
	}

	@Test
	void countryRootCoversNoMalformedCode() {
		assertThat(Caller.covers("000000", "3415")).isFalse();
		assertThat(Caller.covers("000000", null)).isFalse();
	}

	@Test
	void provinceCityAndCountyKeepTheirSubtrees() {
		assertThat(Caller.covers("340000", "341523")).isTrue();
		assertThat(Caller.covers("340000", "320102")).isFalse();
		assertThat(Caller.covers("341500", "341523")).isTrue();
		assertThat(Caller.covers("341500", "341100")).isFalse();
		assertThat(Caller.covers("341523", "341523")).isTrue();
		assertThat(Caller.covers("341523", "341522")).isFalse();
		assertThat(Caller.covers("341523", "000000")).isFalse();
	}

}
