package io.healthstats.export;

import java.nio.charset.StandardCharsets;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Through the real server, whose multipart parser runs before any endpoint is chosen: a broken
 * multipart body sent to the export endpoint (which takes JSON) is a 400 problem, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InfrastructureConfiguration.class)
class MalformedMultipartIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aMultipartBodyCutShortIsABadRequest() {
		String cut = "--cut\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\ncsv\r\n--c";

		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/api/v1/exports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("city-341500"))
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=cut")
			.body(cut.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/unreadable-multipart");
	}

}
