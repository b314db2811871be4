package io.healthstats.report.region;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	@Test
	void theCountryRootOfThePlatformsOwnServicesCoversEveryRegion() {
		assertThat(new Caller("export-service", "000000", "token").covers("341502")).isTrue();
	}

	@Test
	void callerIsAboveOnlyStrictDescendants() {
		Caller city = new Caller("city-341500", "341500", "token");
		assertThat(city.isAbove("341523")).isTrue();
		assertThat(city.isAbove("341500")).isFalse();
	}

	@Test
	void aTokenWithoutAValidRegionMayNotUseReports() {
		Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("county-x").claim("region", "34ab00").build();
		assertThatExceptionOfType(RegionForbiddenException.class).isThrownBy(() -> Caller.of(token));
	}

}
