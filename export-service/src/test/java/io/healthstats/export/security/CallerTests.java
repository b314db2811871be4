package io.healthstats.export.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	@Test
	void countryRootCoversEveryRegion() {
		assertThat(Caller.covers("000000", "341523")).isTrue();
		assertThat(Caller.covers("000000", "110000")).isTrue();
		assertThat(Caller.covers("000000", "3415")).isFalse();
	}

	@Test
	void aCountyCoversOnlyItselfAndACityItsCounties() {
		assertThat(Caller.covers("341523", "341523")).isTrue();
		assertThat(Caller.covers("341523", "341522")).isFalse();
		assertThat(Caller.covers("341523", "341500")).isFalse();
		assertThat(Caller.covers("341500", "341522")).isTrue();
		assertThat(Caller.covers("341500", "341100")).isFalse();
		assertThat(Caller.covers("340000", "341523")).isTrue();
		assertThat(Caller.covers("340000", "320100")).isFalse();
	}

}
