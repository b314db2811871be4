package io.healthstats.export.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** The region rule itself is tested with service-web's RegionScope; here, what a token makes of a caller. */
class CallerTests {

	@Test
	void aCountyTokenCoversOnlyItsCounty() {
		Caller county = Caller.of(token("341523", "read"));
		assertThat(county.covers("341523")).isTrue();
		assertThat(county.covers("341522")).isFalse();
		assertThat(county.covers("341500")).isFalse();
		assertThat(county.subtreePrefix()).isEqualTo("341523");
		assertThat(county.canRead()).isTrue();
	}

	@Test
	void theCountryCoversEveryRegion() {
		Caller country = Caller.of(token("000000", "read"));
		assertThat(country.covers("110000")).isTrue();
		assertThat(country.subtreePrefix()).isEmpty();
	}

	@Test
	void aTokenWithoutTheReadScopeCannotRead() {
		assertThat(Caller.of(token("341500")).canRead()).isFalse();
	}

	private static Jwt token(String region, String... scopes) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("client_id", "client-" + region)
			.claim("region", region)
			.claim("scope", List.of(scopes))
			.build();
	}

}
