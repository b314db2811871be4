package io.healthstats.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@GatewayIntegrationTest
class RoutingIntegrationTests {

	static final String TYPE_BASE = "https://healthstats.io/problems/";

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	final String token = TestTokens.forClient("county-341523");

	@Test
	void relaysAnAuthorizedCallWithItsTokenAndANewRequestIdToTheOwningService() {
		String responseId = this.client.get()
			.uri("/api/v1/regions/341523")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.upstream")
			.isEqualTo("indicator-service")
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		UpstreamStub.Received received = Upstreams.INDICATOR.lastRequest();
		assertThat(received.path()).isEqualTo("/api/v1/regions/341523");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + this.token);
		assertThat(received.header("X-Request-Id")).isNotBlank().isEqualTo(responseId);
	}

	@Test
	void keepsTheCallersRequestIdButReplacesAnUnsafeOne() {
		this.client.get()
			.uri("/api/v1/indicators?region=341500")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.header("X-Request-Id", "dashboard-7f3a")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "dashboard-7f3a");
		assertThat(Upstreams.INDICATOR.lastRequest().header("X-Request-Id")).isEqualTo("dashboard-7f3a");

		this.client.get()
			.uri("/api/v1/indicators")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.header("X-Request-Id", "<script>alert(1)</script>")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", id -> assertThat(id).hasSize(36).doesNotContain("<"));
	}

	@Test
	void routesEachServicesPathsToThatService() {
		for (String path : new String[] { "/api/v1/observations?indicator=A01", "/api/v1/completeness?region=341500",
				"/api/v1/indicators/A01/series?region=341523" }) {
			get(path).expectStatus().isOk().expectBody().jsonPath("$.upstream").isEqualTo("indicator-service");
		}
		get("/api/v1/reports/r-1/figures").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.upstream")
			.isEqualTo("report-service");
		get("/api/v1/exports/e-1").expectStatus().isOk().expectBody().jsonPath("$.upstream").isEqualTo("export-service");
	}

	@Test
	void answersAnUnknownPathWith404Problem() {
		get("/api/v1/unknown/thing").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPE_BASE + "not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.trace")
			.doesNotExist()
			.jsonPath("$.error")
			.doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/regions/..%2F..%2Fetc", "/api/v1/reports//figures", "/api/v1/regions/%2500",
			"/api/v1/regions/34%3B1523", "/api/v1/regions/%2e%2e/341523" })
	void answersAPathTheFirewallRefusesWith400ProblemAndRelaysNothing(String path) {
		int relayed = Upstreams.INDICATOR.count() + Upstreams.REPORT.count();

		this.client.get()
			.uri(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPE_BASE + "bad-request")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).startsWith("The request was rejected"))
			.jsonPath("$.instance")
			.isEqualTo(path);
		assertThat(Upstreams.INDICATOR.count() + Upstreams.REPORT.count()).isEqualTo(relayed);
	}

	@Test
	void retriesAGetThatMetAnUnavailableServiceButNeverAPostOrABug() {
		Upstreams.REPORT.respond("/api/v1/reports/flaky", 503, "application/problem+json", "{\"status\":503}");
		Upstreams.REPORT.respond("/api/v1/reports/buggy", 500, "application/problem+json", "{\"status\":500}");
		Upstreams.REPORT.forget();

		get("/api/v1/reports/flaky").expectStatus().isEqualTo(503);
		assertThat(Upstreams.REPORT.count()).isEqualTo(3);

		Upstreams.REPORT.forget();
		get("/api/v1/reports/buggy").expectStatus().isEqualTo(500);
		assertThat(Upstreams.REPORT.count()).isEqualTo(1);

		Upstreams.REPORT.forget();
		this.client.post()
			.uri("/api/v1/reports/flaky")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"舒城县2025年卫生健康工作总结\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(Upstreams.REPORT.count()).isEqualTo(1);
	}

	@Test
	void answers503ProblemWhileAServiceIsDownAndHealsWhenItIsBack() {
		Upstreams.EXPORT.stop();
		try {
			for (int call = 0; call < 4; call++) {
				get("/api/v1/exports/e-42").expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo(TYPE_BASE + "service-unavailable")
					.jsonPath("$.instance")
					.isEqualTo("/api/v1/exports/e-42")
					.jsonPath("$.detail")
					.value(detail -> assertThat((String) detail).doesNotContain("Connection", "refused", "127.0.0.1"));
			}
		}
		finally {
			Upstreams.EXPORT.start();
		}

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> get("/api/v1/exports/e-42").expectStatus().isOk());
	}

	@Test
	void answers504ProblemWhenAServiceTakesLongerThanTheRouteTimeout() {
		Upstreams.INDICATOR.respondSlowly("/api/v1/indicators/SLOW01", 5_000);

		get("/api/v1/indicators/SLOW01").expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPE_BASE + "upstream-timeout")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/indicators/SLOW01");
	}

	@Test
	void relaysManyConcurrentCallsToOneServiceWithoutTurningAnyAway() {
		Upstreams.INDICATOR.respondSlowly("/api/v1/indicators/BUSY01", 400);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/indicators/BUSY01"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("city-341500"))
			.build();

		// forty dashboards waiting on one slow service at the same moment
		List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 40)
			.mapToObj(call -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
			.toList();

		assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
	}

	@Test
	void relaysTheTokenEndpointWithoutABearerToken() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("county-341523", "demo-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.upstream")
			.isEqualTo("auth-server");

		UpstreamStub.Received received = Upstreams.AUTH.lastRequest();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.body()).isEqualTo("grant_type=client_credentials");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).startsWith("Basic ");

		this.client.get().uri("/oauth2/jwks").exchange().expectStatus().isOk();
		this.client.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
	}

	@Test
	void exposesHealthAndMetricsButNoOtherActuatorEndpoint() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(metrics -> assertThat(metrics).contains("application=\"gateway\""));

		for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/gateway/routes" }) {
			get(hidden).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void addsSecurityHeadersAndHidesTheUpstreamServer() {
		get("/api/v1/regions/341523").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.doesNotExist("Server");
	}

	@Test
	void servesEachServicesOpenApiDocumentPointedAtTheGateway() {
		Upstreams.REPORT.respond("/v3/api-docs", 200, "application/json", """
				{"openapi":"3.1.0","info":{"title":"report-service","version":"1"},
				 "servers":[{"url":"http://localhost:8081"}],"paths":{}}""");

		this.client.get()
			.uri("/v3/api-docs/report-service")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("report-service")
			.jsonPath("$.servers.length()")
			.isEqualTo(1)
			.jsonPath("$.servers[0].url")
			.value(url -> assertThat((String) url).startsWith("http://localhost:").doesNotEndWith(":8081"))
			.jsonPath("$.components.securitySchemes.client-credentials.flows.clientCredentials.tokenUrl")
			.value(url -> assertThat((String) url).endsWith("/oauth2/token"))
			.jsonPath("$.security[0].client-credentials")
			.exists();
		assertThat(Upstreams.REPORT.lastRequest().path()).isEqualTo("/v3/api-docs");

		this.client.get().uri("/v3/api-docs/indicator-service").exchange().expectStatus().isOk();
		assertThat(Upstreams.INDICATOR.lastRequest().path()).isEqualTo("/v3/api-docs");
	}

	@Test
	void swaggerUiListsTheThreeServices() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get()
			.uri("/gateway/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(urls -> assertThat((Iterable<Object>) urls).containsExactlyInAnyOrder("/v3/api-docs/indicator-service",
					"/v3/api-docs/report-service", "/v3/api-docs/export-service"));
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token).exchange();
	}

}
