package io.healthstats.platform.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body declared as a wildcard type ({@code *}{@code /*}, {@code text/*}) gets a 415 problem from every
 * service, also when it is called directly rather than through the gateway (which refuses it first).
 * Spring MVC answered it with a 500 (FuzzIT found it through the gateway; spring-framework#27957).
 */
class WildcardContentTypeIT {

	private final RunningPlatform platform = RunningPlatform.shared();

	@ParameterizedTest
	@CsvSource({ "indicator-service, /api/v1/observations, */*", "indicator-service, /api/v1/regions, text/*",
			"report-service, /api/v1/reports/%20/submit, */*", "report-service, /api/v1/reports/%20/submit, text/*",
			"export-service, /api/v1/exports, */*" })
	void aServiceCalledDirectlyRefusesAWildcardContentType(String service, String path, String contentType) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.platform.service(service).resolve(URI.create(path)))
			.header("Authorization", "Bearer " + this.platform.token("city-341500"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		HttpResponse<String> response = this.platform.http().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":415").doesNotContain("Exception");
	}

}
