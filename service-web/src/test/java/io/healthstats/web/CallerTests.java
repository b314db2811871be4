package io.healthstats.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** The region rule itself is tested in {@link RegionScopeTests}; here, what a token makes of a caller. */
class CallerTests {

	@Test
	void aCityTokenCoversItsCountiesAndNotAnotherCity() {
		Caller city = Caller.of(token("341500", "read", "write"));
		assertThat(city.client()).isEqualTo("client-341500");
		assertThat(city.covers("341523")).isTrue();
		assertThat(city.covers("341100")).isFalse();
		assertThat(city.canWrite()).isTrue();
		assertThat(city.subtreePrefix()).isEqualTo("3415");
	}

	@Test
	void theCountryCoversEveryRegion() {
		Caller country = Caller.of(token("000000", "read"));
		assertThat(country.covers("110000")).isTrue();
		assertThat(country.subtreePrefix()).isEmpty();
	}

	@Test
	void aReadOnlyTokenCannotWrite() {
		assertThat(Caller.of(token("340000", "read")).canRead()).isTrue();
		assertThat(Caller.of(token("340000", "read")).canWrite()).isFalse();
		assertThat(Caller.of(token("340000")).canRead()).isFalse();
		assertThat(Caller.of(Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("region", "340000").build())
			.canWrite()).isFalse();
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
