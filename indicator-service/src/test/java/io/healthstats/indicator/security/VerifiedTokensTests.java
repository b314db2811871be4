package io.healthstats.indicator.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

	private final MovableClock clock = new MovableClock(NOON);

	private final CountingDecoder decoder = new CountingDecoder();

	private final VerifiedTokens tokens = new VerifiedTokens(this.decoder, this.clock);

	@Test
	void checksTheSignatureOfATokenOnlyOnce() {
		Jwt first = this.tokens.decode("token-a");
		Jwt again = this.tokens.decode("token-a");

		assertThat(again).isSameAs(first);
		assertThat(again.getClaimAsString("region")).isEqualTo("341523");
		assertThat(this.decoder.decoded).containsExactly("token-a");
	}

	@Test
	void checksEveryDifferentTokenItself() {
		this.tokens.decode("token-a");
		this.tokens.decode("token-b");

		assertThat(this.decoder.decoded).containsExactly("token-a", "token-b");
	}

	@Test
	void neverRemembersARejectedToken() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("forged"));

		assertThat(this.decoder.decoded).containsExactly("forged", "forged");
	}

	@Test
	void takesAnAcceptedTokenOnTrustForFiveMinutesAtMost() {
		this.tokens.decode("token-a");
		this.clock.now = NOON.plus(Duration.ofMinutes(4));
		this.tokens.decode("token-a");
		assertThat(this.decoder.decoded).containsExactly("token-a");

		this.clock.now = NOON.plus(Duration.ofMinutes(5));
		this.tokens.decode("token-a");
		assertThat(this.decoder.decoded).containsExactly("token-a", "token-a");
	}

	@Test
	void neverServesATokenPastItsExpiry() {
		// token-short expires at 12:01: it must not be taken on trust for five minutes
		this.tokens.decode("token-short");
		this.clock.now = NOON.plus(Duration.ofMinutes(2));
		this.decoder.rejectExpired = true;

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("token-short"));
	}

	/** Accepts tokens named token-*, expiring at 12:30 (token-short: 12:01); rejects anything else. */
	private final class CountingDecoder implements JwtDecoder {

		final List<String> decoded = new ArrayList<>();

		boolean rejectExpired;

		@Override
		public Jwt decode(String token) {
			this.decoded.add(token);
			Instant expires = NOON.plus(token.equals("token-short") ? Duration.ofMinutes(1) : Duration.ofMinutes(30));
			if (!token.startsWith("token-") || (this.rejectExpired && !VerifiedTokensTests.this.clock.instant().isBefore(expires))) {
				throw new BadJwtException("An error occurred while attempting to decode the Jwt");
			}
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.claim("client_id", "county-341523")
				.claim("region", "341523")
				.issuedAt(NOON.minusSeconds(60))
				.expiresAt(expires)
				.build();
		}

	}

	private static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
