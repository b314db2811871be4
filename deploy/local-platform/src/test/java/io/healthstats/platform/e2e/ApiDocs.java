package io.healthstats.platform.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The endpoints the services document, read from their OpenAPI documents as the gateway serves them
 * ({@code /v3/api-docs/{service}}): what the isolation matrix and the fuzz test walk, so an endpoint
 * added later is covered (or makes them fail until it is classified) without anyone remembering to.
 */
final class ApiDocs {

	static final List<String> SERVICES = List.of("indicator-service", "report-service", "export-service");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private ApiDocs() {
	}

	static List<Endpoint> endpoints(GatewayCalls calls) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String service : SERVICES) {
			JsonNode document = calls.get(null, "/v3/api-docs/" + service).json(200);
			for (var path : document.path("paths").properties()) {
				for (var operation : path.getValue().properties()) {
					if (METHODS.contains(operation.getKey())) {
						endpoints.add(endpoint(service, path.getKey(), operation.getKey(), operation.getValue()));
					}
				}
			}
		}
		return endpoints;
	}

	private static Endpoint endpoint(String service, String path, String method, JsonNode operation) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode schema = parameter.path("schema");
			String type = schema.has("$ref") ? "object" : schema.path("type").asString("string");
			parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
					parameter.path("required").asBoolean(false), type));
		}
		List<String> consumes = new ArrayList<>();
		operation.path("requestBody").path("content").propertyNames().forEach(consumes::add);
		return new Endpoint(service, method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), List.copyOf(consumes));
	}

	/** One documented operation, e.g. {@code GET /api/v1/reports/{id}}. */
	record Endpoint(String service, String method, String path, List<Parameter> parameters, List<String> consumes) {

		String key() {
			return this.method + " " + this.path;
		}

		boolean writes() {
			return !"GET".equals(this.method);
		}

		@Override
		public String toString() {
			return key();
		}

	}

	/** A documented parameter; {@code in} is path, query or header. */
	record Parameter(String name, String in, boolean required, String type) {
	}

}
