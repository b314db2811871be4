package io.healthstats.gateway.apidocs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Route filter {@code OpenApiThroughGateway}: makes a service's OpenAPI document usable from the
 * gateway's Swagger UI. Each service describes itself with its own host and port, which a browser
 * cannot call through the gateway (and which would bypass it); this points {@code servers} at the
 * gateway and gives Swagger UI's "Authorize" the gateway's client-credentials token endpoint.
 */
@Component
class OpenApiThroughGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	static final String SCHEME = "client-credentials";

	private static final Logger log = LoggerFactory.getLogger(OpenApiThroughGatewayFilterFactory.class);

	private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

	private final JsonMapper json;

	OpenApiThroughGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
		super(Object.class);
		this.modifyResponseBody = modifyResponseBody;
		this.json = json;
	}

	@Override
	public String name() {
		return "OpenApiThroughGateway";
	}

	@Override
	public GatewayFilter apply(Object config) {
		return this.modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
			.setRewriteFunction(String.class, String.class, this::rewrite));
	}

	private Mono<String> rewrite(ServerWebExchange exchange, String body) {
		if (body == null || !exchange.getResponse().getStatusCode().is2xxSuccessful()) {
			return Mono.justOrEmpty(body);
		}
		try {
			JsonNode document = this.json.readTree(body);
			if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
				return Mono.just(body);
			}
			String gateway = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
				.replacePath(null)
				.replaceQuery(null)
				.fragment(null)
				.build()
				.toUriString();
			throughGateway(openApi, gateway);
			return Mono.just(this.json.writeValueAsString(openApi));
		}
		catch (JacksonException ex) {
			log.warn("OpenAPI document of {} is not JSON; passed through unchanged", exchange.getRequest().getPath());
			return Mono.just(body);
		}
	}

	static void throughGateway(ObjectNode openApi, String gateway) {
		openApi.putArray("servers").addObject().put("url", gateway).put("description", "API gateway");
		String tokenUrl = gateway + "/oauth2/token";
		ObjectNode schemes = openApi.withObjectProperty("components").withObjectProperty("securitySchemes");
		boolean hasClientCredentials = false;
		for (JsonNode scheme : schemes.values()) {
			JsonNode flow = scheme.path("flows").path("clientCredentials");
			if ("oauth2".equals(scheme.path("type").asString()) && flow instanceof ObjectNode clientCredentials) {
				clientCredentials.put("tokenUrl", tokenUrl);
				hasClientCredentials = true;
			}
		}
		if (!hasClientCredentials) {
			ObjectNode flow = schemes.putObject(SCHEME)
				.put("type", "oauth2")
				.put("description", "OAuth2 client credentials of the platform's authorization server")
				.putObject("flows")
				.putObject("clientCredentials")
				.put("tokenUrl", tokenUrl);
			flow.putObject("scopes").put("read", "读取本辖区数据").put("write", "提交与修改本辖区数据");
			if (!openApi.has("security")) {
				openApi.putArray("security").addObject().putArray(SCHEME).add("read").add("write");
			}
		}
	}

}
