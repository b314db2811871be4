package io.healthstats.platform.e2e;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that started as real ones from the platform's authorization server and were then tampered
 * with — unsigned, signed with another key, their expiry or region edited — get 401 problem at the
 * gateway for every service, and at each service when called directly; a write carrying one stores
 * nothing.
 */
class ForgedTokenIT {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

	/** A read each service answers with 200 for the genuine token. */
	private static final Map<String, String> READS = Map.of("indicator-service",
			"/api/v1/observations?indicator=BIRTHS&region=341523&period=202401", "report-service", "/api/v1/reports?region=341523",
			"export-service", "/api/v1/exports");

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	@TestFactory
	Stream<DynamicNode> everyForgeryIsRefusedWith401ForEveryService() throws Exception {
		String genuine = this.calls.platform().token("county-341523");
		Map<String, String> forgeries = forgeries(genuine, this.calls.platform().token("partner-demo"));
		List<DynamicNode> tests = new ArrayList<>();
		for (var forgery : forgeries.entrySet()) {
			for (var read : READS.entrySet()) {
				tests.add(DynamicTest.dynamicTest(forgery.getKey() + " → gateway → " + read.getKey(), () -> {
					assertUnauthorized(this.calls.sendOnce(Call.of("GET", read.getValue()).withToken(forgery.getValue())));
				}));
				tests.add(DynamicTest.dynamicTest(forgery.getKey() + " → " + read.getKey() + " directly", () -> {
					assertUnauthorized(direct(read.getKey(), read.getValue(), forgery.getValue()));
				}));
			}
		}
		return tests.stream();
	}

	@Test
	void theGenuineTokensAreAcceptedByEveryService() {
		String genuine = this.calls.platform().token("county-341523");
		for (var read : READS.entrySet()) {
			if (documented(read.getKey())) {
				assertThat(this.calls.send(Call.of("GET", read.getValue()).withToken(genuine)).status()).as(read.getKey()).isEqualTo(200);
			}
		}
	}

	@Test
	void aWriteWithAForgedRegionStoresNothing() throws Exception {
		String genuine = this.calls.platform().token("county-341523");
		String forged = editedPayload(genuine, payload -> payload.put("region", "341500"));
		String row = "[{\"indicator\":\"BIRTHS\",\"region\":\"341522\",\"period\":\"201802\",\"value\":515151}]";

		assertUnauthorized(this.calls.sendOnce(Call.of("POST", "/api/v1/observations").withToken(forged).body("application/json", row)));

		JsonNode stored = this.calls.get("city-341500", "/api/v1/observations?indicator=BIRTHS&region=341522&period=201802").json(200);
		assertThat(GatewayCalls.items(stored).findValuesAsString("value")).doesNotContain("515151");
	}

	private boolean documented(String service) {
		return !this.calls.get(null, "/v3/api-docs/" + service).json(200).path("paths").isEmpty();
	}

	private Map<String, String> forgeries(String genuine, String partner) throws Exception {
		String[] parts = genuine.split("\\.");
		JsonNode header = GatewayCalls.JSON.readTree(DECODE.decode(parts[0]));
		Map<String, String> forgeries = new LinkedHashMap<>();
		forgeries.put("unsigned (alg none)", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
		forgeries.put("alg none with the signature kept", encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]);
		forgeries.put("signed by another key under the platform's kid", signedByStranger(header, parts[1]));
		forgeries.put("expiry edited into the past", editedPayload(genuine,
				payload -> payload.put("exp", Instant.now().minusSeconds(3600).getEpochSecond())));
		forgeries.put("expiry edited ten years ahead", editedPayload(genuine,
				payload -> payload.put("exp", Instant.now().plusSeconds(10L * 365 * 24 * 3600).getEpochSecond())));
		forgeries.put("region edited to the city", editedPayload(genuine, payload -> payload.put("region", "341500")));
		forgeries.put("region edited to a neighbour", editedPayload(genuine, payload -> payload.put("region", "341522")));
		forgeries.put("client edited to the city", editedPayload(genuine,
				payload -> payload.put("client_id", "city-341500").put("sub", "city-341500")));
		forgeries.put("write scope added to the read-only partner", editedPayload(partner,
				payload -> payload.putArray("scope").add("read").add("write")));
		forgeries.put("HS256 keyed with the platform's public key", hmacWithPublicKey(parts[1]));
		forgeries.put("signature cut short", parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2));
		forgeries.put("not a token at all", "not-a-jwt");
		return forgeries;
	}

	/** The real token with its payload changed and its real signature kept: a signature over other bytes. */
	static String editedPayload(String token, Consumer<ObjectNode> edit) {
		String[] parts = token.split("\\.");
		ObjectNode payload = (ObjectNode) GatewayCalls.JSON.readTree(DECODE.decode(parts[1]));
		edit.accept(payload);
		return parts[0] + "." + encode(GatewayCalls.JSON.writeValueAsString(payload)) + "." + parts[2];
	}

	private static String signedByStranger(JsonNode header, String payload) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		PrivateKey stranger = generator.generateKeyPair().getPrivate();
		String forgedHeader = encode("{\"alg\":\"RS256\",\"kid\":\"" + header.path("kid").asString() + "\"}");
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(stranger);
		signature.update((forgedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return forgedHeader + "." + payload + "." + BASE64URL.encodeToString(signature.sign());
	}

	/**
	 * The algorithm-confusion attack: a verifier that let the token pick HS256 would check this HMAC
	 * with the RSA public key it holds, which anyone can read from the JWK set.
	 */
	private String hmacWithPublicKey(String payload) throws GeneralSecurityException {
		JsonNode key = this.calls.get(null, "/oauth2/jwks").json(200).get("keys").get(0);
		byte[] modulus = new BigInteger(1, DECODE.decode(key.get("n").asString())).toByteArray();
		String header = encode("{\"alg\":\"HS256\",\"kid\":\"" + key.get("kid").asString() + "\"}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(modulus, "HmacSHA256"));
		byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + BASE64URL.encodeToString(signature);
	}

	private Answer direct(String service, String path, String token) throws Exception {
		URI uri = this.calls.platform().service(service).resolve(path);
		HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
		HttpResponse<String> response = this.calls.platform().http().send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(Call.of("GET", uri.toString()), response.statusCode(), response.headers(), response.body());
	}

	private static void assertUnauthorized(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
		assertThat(answer.isProblem()).as(answer + " is a problem").isTrue();
		assertThat(answer.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate").hasValueSatisfying(
				value -> assertThat(value).startsWith("Bearer"));
		JsonNode problem = answer.json();
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/unauthorized");
		// nothing about why: no library, no exception, no claim the forger could learn from
		assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("jwt")
			.doesNotContainIgnoringCase("signature").doesNotContain("341500");
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
