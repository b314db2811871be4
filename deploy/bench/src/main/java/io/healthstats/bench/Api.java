package io.healthstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP as a client of the platform sees it: one JDK HttpClient (HTTP/1.1 keep-alive connections,
 * as dashboards and county systems use), a client-credentials token from the authorization server
 * through the gateway, renewed well before its hour is up (loading 1 M rows can take longer).
 */
final class Api {

	static final String DEMO_SECRET = "demo-secret";

	private static final Duration TOKEN_REUSE = Duration.ofMinutes(30);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI gateway;

	private final String client;

	private String token;

	private long tokenFetched;

	Api(URI gateway, String client) {
		this.gateway = gateway;
		this.client = client;
	}

	HttpClient http() {
		return this.http;
	}

	String client() {
		return this.client;
	}

	synchronized String token() {
		if (this.token == null || System.nanoTime() - this.tokenFetched > TOKEN_REUSE.toNanos()) {
			String basic = Base64.getEncoder().encodeToString((this.client + ":" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
			HttpResponse<String> response = send(request);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("No token for " + this.client + ": " + response.statusCode() + " " + response.body());
			}
			this.token = JSON.readTree(response.body()).get("access_token").asString();
			this.tokenFetched = System.nanoTime();
		}
		return this.token;
	}

	HttpRequest get(URI base, String pathAndQuery) {
		return HttpRequest.newBuilder(base.resolve(pathAndQuery))
			.header("Authorization", "Bearer " + token())
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
	}

	HttpRequest postJson(URI base, String path, String json) {
		return HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", "Bearer " + token())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(300))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends and parses a 200 answer; anything else stops the bench with the answer in the message. */
	JsonNode json(HttpRequest request) {
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

}
