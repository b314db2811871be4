package io.healthstats.platform.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Swagger UI, as a dashboard developer meets it at the gateway: it lists the three services,
 * each document loaded through the gateway names the gateway as its server, and asks only for
 * parameters a client can send — no object-valued query parameter (such as the caller the services
 * build from the token) that "Try it out" would demand.
 */
class ApiDocsIT {

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	@Test
	void swaggerUiListsTheThreeServicesEachThroughTheGateway() {
		JsonNode config = this.calls.get(null, "/gateway/v3/api-docs/swagger-config").json(200);

		assertThat(config.get("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/v3/api-docs/indicator-service",
				"/v3/api-docs/report-service", "/v3/api-docs/export-service");
		for (String service : ApiDocs.SERVICES) {
			JsonNode document = this.calls.get(null, "/v3/api-docs/" + service).json(200);
			assertThat(document.get("servers").get(0).get("url").asString()).as(service)
				.isEqualTo(this.calls.platform().gateway().toString());
		}
	}

	@Test
	void everyDocumentedParameterIsOneAClientCanSend() {
		List<String> objects = new ArrayList<>();
		for (ApiDocs.Endpoint endpoint : ApiDocs.endpoints(this.calls)) {
			for (ApiDocs.Parameter parameter : endpoint.parameters()) {
				boolean simple = List.of("string", "integer", "number", "boolean", "array").contains(parameter.type());
				if (!simple) {
					objects.add(endpoint.service() + " " + endpoint + " " + parameter.in() + " " + parameter.name());
				}
			}
		}
		assertThat(objects).as("parameters whose value is an object").isEmpty();
	}

}
