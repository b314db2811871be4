package io.healthstats.platform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.healthstats.platform.WatchdogAgentJar;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real platform, started once per test JVM exactly as a user starts it ({@code java -jar
 * local-platform.jar}) but on free ports ({@code HEALTHSTATS_PORT_OFFSET}) and with its own data
 * folder under {@code target/}, so it never collides with a platform a developer is running.
 * End-to-end tests talk to it over HTTP through the gateway with tokens from its authorization server.
 */
public final class RunningPlatform {

	public static final String DEMO_SECRET = "demo-secret";

	public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private static final String READY_LINE = "Health-statistics platform is running";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static RunningPlatform shared;

	private static RuntimeException startFailure;

	private final int offset;

	private final Process launcher;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private RunningPlatform(int offset, Process launcher, Path log) {
		this.offset = offset;
		this.launcher = launcher;
		this.log = log;
	}

	/** The platform of this test JVM, started on first use and stopped when the JVM exits. */
	public static synchronized RunningPlatform shared() {
		if (startFailure != null) {
			// one failed start (minutes) is enough; every further test reports the same cause
			throw startFailure;
		}
		if (shared == null) {
			try {
				shared = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "e2e-platform-stop"));
		}
		return shared;
	}

	public URI gateway() {
		return URI.create("http://localhost:" + (8080 + this.offset));
	}

	/** A service's own address, bypassing the gateway: report-, indicator- or export-service. */
	public URI service(String name) {
		int port = switch (name) {
			case "gateway" -> 8080;
			case "report-service" -> 8081;
			case "indicator-service" -> 8082;
			case "export-service" -> 8083;
			case "auth-server" -> 9000;
			default -> throw new IllegalArgumentException("No service " + name);
		};
		return URI.create("http://localhost:" + (port + this.offset));
	}

	public HttpClient http() {
		return this.http;
	}

	/** A request to the gateway, e.g. {@code request("/api/v1/reports?region=341523")}. */
	public HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(gateway().resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
	}

	public HttpRequest.Builder post(String pathAndQuery, String contentType, String body) {
		return request(pathAndQuery).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	/** Sends the request with the demo client's bearer token; {@code client} null sends none. */
	public HttpResponse<String> send(String client, HttpRequest.Builder request) {
		if (client != null) {
			request.header("Authorization", "Bearer " + token(client));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body of a response that must have {@code status}; decimals stay exact. */
	public static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	/** A real access token for a demo client, issued by the authorization server through the gateway. */
	public String token(String clientId) {
		return this.tokens.computeIfAbsent(clientId, this::fetchToken);
	}

	private String fetchToken(String clientId) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(gateway().resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body()).get("access_token").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static RunningPlatform start() {
		Path module = Path.of("").toAbsolutePath();
		Path jar = module.resolve("target").resolve("local-platform.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: end-to-end tests run after `package` (./mvnw verify)");
		}
		int offset = freeOffset();
		// a folder per run: two test runs on one checkout (or a run beside a benchmark) never share data
		Path data = module.resolve("target").resolve("e2e-data").resolve("ports+" + offset);
		deleteRecursively(data);
		Path log = data.resolve("launcher.out");
		try {
			Files.createDirectories(data);
			Path agent = WatchdogAgentJar.write(data.resolve("test-watchdog.jar"));
			// the launcher's flags of command 1 (README)
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+UseSerialGC",
					// the launcher exits when this test JVM dies without running its shutdown hooks
					"-javaagent:" + agent + "=" + ProcessHandle.current().pid(), "-jar", jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("HEALTHSTATS_PORT_OFFSET", Integer.toString(offset));
			builder.environment().put("HEALTHSTATS_DATA", data.toString());
			RunningPlatform platform = new RunningPlatform(offset, builder.start(), log);
			platform.awaitReady();
			return platform;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the platform from " + jar, ex);
		}
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.exists(this.log) ? Files.readString(this.log) : "";
			if (output.contains(READY_LINE)) {
				return;
			}
			if (!this.launcher.isAlive()) {
				throw new IllegalStateException("The platform exited with code " + this.launcher.exitValue() + ":\n" + output);
			}
			sleep(500);
		}
		stop();
		throw new IllegalStateException("The platform was not ready after " + START_TIMEOUT + "; see " + this.log);
	}

	private void stop() {
		this.launcher.destroy();
		try {
			if (!this.launcher.waitFor(40, TimeUnit.SECONDS)) {
				this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				this.launcher.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** An offset whose seven ports are all free right now. */
	private static int freeOffset() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int offset = 100 * ThreadLocalRandom.current().nextInt(100, 350);
			if (Stream.of(8080, 8081, 8082, 8083, 9000, 9092, 27017).allMatch(port -> isFree(port + offset))) {
				return offset;
			}
		}
		throw new IllegalStateException("No free port range found for the end-to-end platform");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
