package io.healthstats.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny real HTTP server standing in for one upstream service. It answers every request with a
 * small JSON body naming itself, or with {@link #respond} for a path, and remembers what arrived so
 * tests can check what the gateway relayed. It can be stopped and started again on the same port.
 */
final class UpstreamStub {

	record Received(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	record Canned(int status, String contentType, String body, long delayMillis) {
	}

	private final String name;

	private final BlockingDeque<Received> received = new LinkedBlockingDeque<>();

	private final Map<String, Canned> canned = new java.util.concurrent.ConcurrentHashMap<>();

	private HttpServer server;

	private int port;

	UpstreamStub(String name) {
		this.name = name;
	}

	synchronized UpstreamStub start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		// a slow answer must not hold up the other requests
		this.server.setExecutor(Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, this.name + "-stub");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
		this.port = this.server.getAddress().getPort();
		return this;
	}

	synchronized void stop() {
		this.server.stop(0);
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	void respond(String path, int status, String contentType, String body) {
		this.canned.put(path, new Canned(status, contentType, body, 0));
	}

	void respondSlowly(String path, long delayMillis) {
		this.canned.put(path, new Canned(200, "application/json", "{\"slow\":true}", delayMillis));
	}

	/** The last request relayed to this upstream (and forgets the older ones). */
	Received lastRequest() {
		Received last = this.received.peekLast();
		this.received.clear();
		return last;
	}

	int count() {
		return this.received.size();
	}

	void forget() {
		this.received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getRawPath();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				Map.copyOf(exchange.getRequestHeaders()), body));
		Canned answer = this.canned.getOrDefault(path,
				new Canned(200, "application/json", "{\"upstream\":\"" + this.name + "\",\"path\":\"" + path + "\"}", 0));
		if (answer.delayMillis() > 0) {
			try {
				Thread.sleep(answer.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.getResponseHeaders().set("Server", "stub/1.0");
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
