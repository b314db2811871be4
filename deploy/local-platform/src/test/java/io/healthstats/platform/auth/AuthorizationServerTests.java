package io.healthstats.platform.auth;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = AuthorizationServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AuthorizationServerTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	@Test
	void issuesCityClientATokenCarryingItsRegionAndScopes() {
		Map<String, Object> response = requestToken("city-341500", "demo-secret", "grant_type=client_credentials");

		assertThat(response).containsEntry("token_type", "Bearer");
		assertThat((Integer) response.get("expires_in")).isBetween(3590, 3600);
		Jwt jwt = verifiedWithPublishedKeys((String) response.get("access_token"));
		assertThat(jwt.getClaimAsString("region")).isEqualTo("341500");
		assertThat(jwt.getClaimAsString("client_id")).isEqualTo("city-341500");
		assertThat(jwt.getSubject()).isEqualTo("city-341500");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("read", "write");
		assertThat(jwt.getIssuer()).hasToString("http://localhost:9000");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void partnerGetsReadScopeOnlyForTheProvince() {
		Jwt jwt = verifiedWithPublishedKeys(
				(String) requestToken("partner-demo", "demo-secret", "grant_type=client_credentials").get("access_token"));

		assertThat(jwt.getClaimAsString("region")).isEqualTo("340000");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("read");
	}

	@Test
	void countyMayAskForFewerScopes() {
		Jwt jwt = verifiedWithPublishedKeys((String) requestToken("county-341523", "demo-secret",
				"grant_type=client_credentials&scope=read").get("access_token"));

		assertThat(jwt.getClaimAsString("region")).isEqualTo("341523");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("read");
	}

	@Test
	void rejectsWrongSecretWith401() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("city-341500", "wrong-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_client");
	}

	@Test
	void rejectsUnknownClientWith401() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("county-999999", "demo-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void refusesPartnerAWriteScope() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("partner-demo", "demo-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials&scope=write")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_scope");
	}

	@Test
	void healthIsPublicAndOtherPathsAreClosed() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/env").exchange().expectStatus().isForbidden();
	}

	private Map<String, Object> requestToken(String clientId, String secret, String form) {
		return this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	// Verifying against /oauth2/jwks proves what services do: they trust this server's published key.
	private Jwt verifiedWithPublishedKeys(String token) {
		return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + this.port + "/oauth2/jwks").build().decode(token);
	}

}
