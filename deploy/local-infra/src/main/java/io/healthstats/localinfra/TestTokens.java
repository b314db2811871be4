package io.healthstats.localinfra;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints the same kind of JWT the authorization server issues (client id as subject, a
 * {@code region} claim, scopes), signed with a key that only test JVMs know.
 */
public final class TestTokens {

	private static final KeyPair KEYS = generate();

	private TestTokens() {
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	/** A valid token for {@code client} in {@code region}, e.g. {@code token("county-341523", "341523", "read", "write")}. */
	public static String token(String client, String region, String... scopes) {
		return sign(claims(client, region, Instant.now().plus(Duration.ofMinutes(10)), scopes), KEYS);
	}

	/** A token for a demo client id such as {@code city-341500}: the region is the id's suffix. */
	public static String forClient(String client) {
		String region = client.substring(client.lastIndexOf('-') + 1);
		return client.startsWith("partner") ? token(client, "340000", "read") : token(client, region, "read", "write");
	}

	public static String expired(String client, String region) {
		return sign(claims(client, region, Instant.now().minus(Duration.ofMinutes(5)), "read"), KEYS);
	}

	public static String signedByStranger(String client, String region) {
		return sign(claims(client, region, Instant.now().plus(Duration.ofMinutes(10)), "read"), generate());
	}

	static JWTClaimsSet claims(String client, String region, Instant expiry, String... scopes) {
		return new JWTClaimsSet.Builder().subject(client)
			.issuer("http://localhost:9000")
			.claim("client_id", client)
			.claim("region", region)
			.claim("scope", List.of(scopes))
			.issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(expiry))
			.build();
	}

	private static String sign(JWTClaimsSet claims, KeyPair keys) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
