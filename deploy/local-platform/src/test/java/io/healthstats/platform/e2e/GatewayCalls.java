package io.healthstats.platform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls through the gateway of the {@link RunningPlatform}, as a demo client makes them. The
 * rate limit is per client and several tests share the platform, so a 429 is waited out
 * ({@code Retry-After}) and the call repeated, unless a test asks to see it.
 */
final class GatewayCalls {

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final RunningPlatform platform;

	GatewayCalls(RunningPlatform platform) {
		this.platform = platform;
	}

	RunningPlatform platform() {
		return this.platform;
	}

	Answer get(String client, String path) {
		return send(Call.of("GET", path).as(client));
	}

	Answer postJson(String client, String path, Object body) {
		return send(Call.of("POST", path).as(client).body("application/json", JSON.writeValueAsString(body)));
	}

	Answer send(Call call) {
		for (int attempt = 0;; attempt++) {
			Answer answer = sendOnce(call);
			if (answer.status() != 429 || attempt == 5) {
				return answer;
			}
			long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
			sleep(Math.min(seconds, 5) * 1000);
		}
	}

	/** Exactly one request, a 429 included. */
	Answer sendOnce(Call call) {
		String token = call.token();
		if (token == null && call.client() != null) {
			token = this.platform.token(call.client());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.platform.gateway().resolve(call.path())).timeout(TIMEOUT);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (call.contentType() != null) {
			request.header("Content-Type", call.contentType());
		}
		call.headers().forEach(request::header);
		HttpRequest.BodyPublisher body = (call.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(call.body())
				: HttpRequest.BodyPublishers.noBody();
		request.method(call.method(), body);
		try {
			HttpResponse<byte[]> response = this.platform.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(call, response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(call.method() + " " + call.path() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The rows of a list answer: a JSON array, or the array inside a page object. */
	static JsonNode items(JsonNode answer) {
		if (answer.isArray()) {
			return answer;
		}
		for (var property : answer.properties()) {
			if (property.getValue().isArray()) {
				return property.getValue();
			}
		}
		throw new AssertionError("No list in " + answer);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One request: a demo client (whose token the platform issues) or a raw token, a path with its
	 * query, and an optional body.
	 */
	record Call(String method, String path, String client, String token, String contentType, byte[] body,
			Map<String, String> headers) {

		static Call of(String method, String path) {
			return new Call(method, path, null, null, null, null, Map.of());
		}

		Call as(String client) {
			return new Call(this.method, this.path, client, null, this.contentType, this.body, this.headers);
		}

		Call withToken(String token) {
			return new Call(this.method, this.path, null, token, this.contentType, this.body, this.headers);
		}

		Call body(String contentType, String text) {
			return body(contentType, text.getBytes(StandardCharsets.UTF_8));
		}

		Call body(String contentType, byte[] bytes) {
			return new Call(this.method, this.path, this.client, this.token, contentType, bytes, this.headers);
		}

		Call header(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Call(this.method, this.path, this.client, this.token, this.contentType, this.body, Map.copyOf(more));
		}

		@Override
		public String toString() {
			String call = this.method + " " + this.path + ((this.client != null) ? " as " + this.client : "");
			if (this.body == null) {
				return call;
			}
			String text = new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8);
			return call + " [" + this.contentType + ", " + this.body.length + " bytes: " + text + "]";
		}

	}

	record Answer(Call call, int status, HttpHeaders headers, String body) {

		String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		boolean isProblem() {
			return contentType().startsWith("application/problem+json");
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The JSON body, after checking the status; the message tells the whole answer otherwise. */
		JsonNode json(int expectedStatus) {
			if (this.status != expectedStatus) {
				throw new AssertionError(this.call + " answered " + this.status + " instead of " + expectedStatus + ": "
						+ abbreviated());
			}
			return json();
		}

		String abbreviated() {
			return (this.body.length() > 600) ? this.body.substring(0, 600) + "…" : this.body;
		}

		URI location() {
			return this.headers.firstValue("Location").map(URI::create).orElse(null);
		}

		@Override
		public String toString() {
			return this.call + " → " + this.status + " " + abbreviated();
		}

	}

}
