package io.healthstats.gateway;

import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Only the configured dashboard origin may call the API from a browser. */
@GatewayIntegrationTest
class CorsIntegrationTests {

	static final String DASHBOARD = "https://dashboard.example.gov.cn";

	@Autowired
	WebTestClient client;

	@Test
	void answersThePreflightOfTheConfiguredDashboard() {
		this.client.options()
			.uri("/api/v1/observations?region=341523")
			.header(HttpHeaders.ORIGIN, DASHBOARD)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD);

		this.client.get()
			.uri("/api/v1/regions/341523")
			.header(HttpHeaders.ORIGIN, DASHBOARD)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("city-341500"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD);
	}

	@Test
	void refusesAnyOtherOrigin() {
		this.client.options()
			.uri("/api/v1/observations")
			.header(HttpHeaders.ORIGIN, "https://evil.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
