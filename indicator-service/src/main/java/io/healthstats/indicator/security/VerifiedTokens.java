package io.healthstats.indicator.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Checks a bearer token's signature once, not on every request. A client (or the gateway relaying it)
 * sends the same token for up to an hour, and verifying its RS256 signature took about a sixth of this
 * service's CPU for a series read (deploy/bench/README.md). A token the decoder accepted is remembered
 * until it expires, for at most {@link #REUSE}; a token it rejected is never remembered, so forged,
 * edited and expired tokens are still checked, and refused, every time. The token's full text is the
 * key: a token differing in any character is a different token.
 */
final class VerifiedTokens implements JwtDecoder {

	/** How long an accepted token is taken on trust; bounds the reach of a signing key withdrawn meanwhile. */
	static final Duration REUSE = Duration.ofMinutes(5);

	/** Tokens come from the platform's own authorization server, one per client and hour: far fewer than this. */
	static final int MAX_TOKENS = 10_000;

	private record Verified(Jwt jwt, Instant until) {
	}

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	VerifiedTokens(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) {
		Verified known = this.verified.get(token);
		if (known != null) {
			if (this.clock.instant().isBefore(known.until())) {
				return known.jwt();
			}
			this.verified.remove(token, known);
		}
		Jwt jwt = this.decoder.decode(token);
		remember(token, jwt);
		return jwt;
	}

	private void remember(String token, Jwt jwt) {
		Instant now = this.clock.instant();
		Instant until = now.plus(REUSE);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (!now.isBefore(until)) {
			return;
		}
		if (this.verified.size() >= MAX_TOKENS) {
			this.verified.values().removeIf(v -> !now.isBefore(v.until()));
			if (this.verified.size() >= MAX_TOKENS) {
				this.verified.clear();
			}
		}
		this.verified.put(token, new Verified(jwt, until));
	}

}
