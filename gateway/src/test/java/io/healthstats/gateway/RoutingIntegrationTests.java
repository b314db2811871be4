package io.healthstats.gateway;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import({ InfrastructureConfiguration.class, Upstreams.class })
class RoutingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void relaysAnAuthorizedCallWithItsTokenToTheOwningService() {
		String token = TestTokens.forClient("county-341523");

		this.client.get()
			.uri("/api/v1/regions/341523")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.upstream")
			.isEqualTo("indicator-service");

		UpstreamStub.Received received = Upstreams.INDICATOR.lastRequest();
		assertThat(received.path()).isEqualTo("/api/v1/regions/341523");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
	}

	@Test
	void servesTheReportServiceOpenApiDocumentPointedAtTheGateway() {
		Upstreams.REPORT.respond("/v3/api-docs", 200, "application/json", """
				{"openapi":"3.1.0","info":{"title":"report-service","version":"1"},
				 "servers":[{"url":"http://localhost:8081"}],"paths":{}}""");

		this.client.get()
			.uri("/v3/api-docs/report-service")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.consumeWith(result -> System.out.println(new String(result.getResponseBody())))
			.jsonPath("$.info.title")
			.isEqualTo("report-service")
			.jsonPath("$.servers.length()")
			.isEqualTo(1)
			.jsonPath("$.servers[0].url")
			.value(url -> assertThat((String) url).startsWith("http://localhost:").doesNotEndWith(":8081"))
			.jsonPath("$.components.securitySchemes.client-credentials.flows.clientCredentials.tokenUrl")
			.value(url -> assertThat((String) url).endsWith("/oauth2/token"));

		assertThat(Upstreams.REPORT.lastRequest().path()).isEqualTo("/v3/api-docs");
	}

	@Test
	void swaggerUiListsTheThreeServices() {
		this.client.get()
			.uri("/gateway/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.consumeWith(result -> System.out.println(new String(result.getResponseBody())));
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

}
