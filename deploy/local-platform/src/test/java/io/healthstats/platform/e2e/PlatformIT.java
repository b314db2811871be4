package io.healthstats.platform.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as a new user meets it: started by the launcher, demo data loaded, every call through
 * the gateway with a token from the authorization server.
 */
class PlatformIT {

	private final RunningPlatform platform = RunningPlatform.shared();

	@Test
	void everyServiceIsHealthy() throws Exception {
		for (String service : new String[] { "gateway", "report-service", "indicator-service", "export-service" }) {
			HttpResponse<String> health = get(this.platform.service(service).resolve("/actuator/health"), null);
			assertThat(health.statusCode()).as(service).isEqualTo(200);
			assertThat(health.body()).as(service).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void demoDataIsReadableThroughTheGatewayWithinTheCallersRegion() throws Exception {
		String county = this.platform.token("county-341523");
		HttpResponse<String> own = get(this.platform.gateway()
			.resolve("/api/v1/indicators/BIRTHS/series?region=341523&from=2024&to=2024&granularity=YEAR"), county);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"period\":\"2024\"").doesNotContain("\"value\":null");

		HttpResponse<String> foreign = get(this.platform.gateway()
			.resolve("/api/v1/indicators/BIRTHS/series?region=341522&from=2024&to=2024&granularity=YEAR"), county);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
	}

	@Test
	void aRequestWithoutTokenIsRefused() throws Exception {
		HttpResponse<String> response = get(this.platform.gateway().resolve("/api/v1/reports"), null);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(URI uri, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.platform.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
