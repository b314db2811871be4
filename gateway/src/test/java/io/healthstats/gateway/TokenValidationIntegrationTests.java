package io.healthstats.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged, stale and missing tokens stop at the gateway: 401 problem, nothing reaches a service. */
@GatewayIntegrationTest
class TokenValidationIntegrationTests {

	@Autowired
	WebTestClient client;

	@BeforeEach
	void forgetEarlierCalls() {
		Upstreams.INDICATOR.forget();
		Upstreams.REPORT.forget();
	}

	@Test
	void rejectsACallWithoutToken() {
		this.client.get().uri("/api/v1/observations?region=341523").exchange().expectStatus().isUnauthorized();
		assertUnauthorizedProblem(this.client.get().uri("/api/v1/regions/341523").exchange());
		assertThat(Upstreams.INDICATOR.count()).isZero();
	}

	@Test
	void rejectsAnExpiredToken() {
		assertUnauthorizedProblem(callWith(TestTokens.expired("county-341523", "341523")));
	}

	@Test
	void rejectsATokenSignedByAStranger() {
		assertUnauthorizedProblem(callWith(TestTokens.signedByStranger("county-341523", "341523")));
	}

	@Test
	void rejectsATokenWhoseRegionWasEditedToTheCity() {
		String genuine = TestTokens.forClient("county-341523");
		String[] parts = genuine.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"region\":\"341523\"");
		String edited = payload.replace("\"region\":\"341523\"", "\"region\":\"341500\"");
		String forged = parts[0] + "." + base64Url(edited) + "." + parts[2];

		assertUnauthorizedProblem(callWith(forged));
	}

	@Test
	void rejectsAnUnsignedToken() {
		String genuine = TestTokens.forClient("county-341523");
		String unsigned = base64Url("{\"alg\":\"none\"}") + "." + genuine.split("\\.")[1] + ".";

		assertUnauthorizedProblem(callWith(unsigned));
	}

	@Test
	void rejectsSomethingThatIsNotAToken() {
		assertUnauthorizedProblem(callWith("not-a-jwt"));
	}

	@Test
	void rejectsABadTokenEvenOnAPostWithABody() {
		assertUnauthorizedProblem(this.client.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired("county-341523", "341523"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"舒城县2025年卫生健康工作总结\"}")
			.exchange());
		assertThat(Upstreams.REPORT.count()).isZero();
	}

	private WebTestClient.ResponseSpec callWith(String token) {
		return this.client.get()
			.uri("/api/v1/regions/341523")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	private void assertUnauthorizedProblem(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo("A valid bearer token is required.");
		assertThat(Upstreams.INDICATOR.count()).isZero();
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
