package io.healthstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.healthstats.localinfra.LocalKafka;
import io.healthstats.localinfra.LocalMongo;

/**
 * The part of the platform an export touches, started here on free ports with the services' own jars
 * and the launcher's JVM flags (so the export-service runs with {@code -Xmx256m}), but with the
 * MongoDB-wire server's in-memory backend — the one the integration tests use — instead of the
 * launcher's H2 files: the authorization server, indicator-service, export-service and gateway as child
 * JVMs, Kafka and MongoDB in this JVM. The H2 backend serializes every index key it compares with Java
 * serialization, which makes each lookup by {@code _id} cost about a millisecond under load and the
 * store, not the services, the whole measurement (see export-service/BENCHMARK.md).
 */
final class InMemoryPlatform implements AutoCloseable {

	/** As {@code ServiceProcess.JVM_FLAGS} of the launcher. */
	static final List<String> SERVICE_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
			"-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m");

	/** The launcher's flags with the C2 JIT as well (what {@code -XX:TieredStopAtLevel=1} gives up), for comparison. */
	static final List<String> SERVICE_FLAGS_C2 = SERVICE_FLAGS.stream().filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel")).toList();

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private final Path data;

	private final LocalMongo mongo;

	private final LocalKafka kafka;

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> serviceFlags;

	private InMemoryPlatform(Path data, LocalMongo mongo, LocalKafka kafka, List<String> serviceFlags) {
		this.data = data;
		this.mongo = mongo;
		this.kafka = kafka;
		this.serviceFlags = serviceFlags;
	}

	/**
	 * @param indicatorService an indicator-service already running (a synthetic one), or null to start
	 * the real one on the in-memory store
	 * @param serviceFlags the JVM flags of the services: {@link #SERVICE_FLAGS}, or {@link #SERVICE_FLAGS_C2}
	 */
	static InMemoryPlatform start(Path data, Map<String, String> environment, URI indicatorService, List<String> serviceFlags) {
		Platform.deleteRecursively(data);
		long started = System.nanoTime();
		LocalMongo mongo = LocalMongo.inMemory();
		LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), 0);
		InMemoryPlatform platform = new InMemoryPlatform(data, mongo, kafka, serviceFlags);
		Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "bench-platform-stop"));
		try {
			Path jars = copyJars(Platform.repositoryRoot(), data.resolve("jars"));
			Path agent = Platform.writeWatchdogJar(data.resolve("bench-watchdog.jar"));
			for (String name : List.of("auth-server", "indicator-service", "export-service", "gateway")) {
				platform.ports.put(name, name.equals("indicator-service") && indicatorService != null ? indicatorService.getPort()
						: freePort());
			}
			String auth = "http://localhost:" + platform.ports.get("auth-server");
			Map<String, String> common = new LinkedHashMap<>();
			common.put("MONGODB_URI", mongo.connectionString());
			common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
			common.put("AUTH_JWK_SET_URI", auth + "/oauth2/jwks");
			common.put("AUTH_SERVER_URL", auth);
			common.put("INDICATOR_SERVICE_URL", "http://localhost:" + platform.ports.get("indicator-service"));
			common.put("EXPORT_SERVICE_URL", "http://localhost:" + platform.ports.get("export-service"));
			common.put("REPORT_SERVICE_URL", "http://localhost:" + freePort());
			Map<String, String> authEnvironment = new LinkedHashMap<>(common);
			authEnvironment.put("AUTH_PORT", Integer.toString(platform.ports.get("auth-server")));
			authEnvironment.put("AUTH_ISSUER", auth);
			authEnvironment.put("AUTH_KEY_FILE", data.resolve("auth").resolve("signing-key.jwk.json").toString());
			platform.launch("auth-server", agent, jars.resolve(Platform.LAUNCHER_JAR), List.of("auth-server"), authEnvironment);
			for (String service : List.of("indicator-service", "export-service", "gateway")) {
				if (service.equals("indicator-service") && indicatorService != null) {
					continue;
				}
				Map<String, String> serviceEnvironment = new LinkedHashMap<>(common);
				serviceEnvironment.putAll(environment);
				serviceEnvironment.put("PORT", Integer.toString(platform.ports.get(service)));
				platform.launch(service, agent, jars.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar"), List.of(),
						serviceEnvironment);
			}
			platform.awaitHealthy();
		}
		catch (IOException ex) {
			platform.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
		Bench.say(String.format("Platform ready in %.0f s: %s", (System.nanoTime() - started) / 1e9, platform.description()));
		return platform;
	}

	URI gateway() {
		return uri("gateway");
	}

	URI indicatorService() {
		return uri("indicator-service");
	}

	URI exportService() {
		return uri("export-service");
	}

	String mongo() {
		return this.mongo.connectionString();
	}

	String description() {
		return "started by the bench with the in-memory MongoDB-wire server " + this.mongo.connectionString() + ", Kafka "
				+ this.kafka.bootstrapServers() + ", " + this.ports + " (logs in " + this.data.resolve("logs") + ")";
	}

	@Override
	public synchronized void close() {
		if (this.processes.isEmpty()) {
			return;
		}
		List<Process> running = new ArrayList<>(this.processes.values());
		this.processes.clear();
		running.forEach(Process::destroy);
		for (Process process : running) {
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		quietly(this.kafka::close);
		quietly(this.mongo::close);
		Bench.say("Platform stopped");
	}

	private void launch(String name, Path agent, Path jar, List<String> arguments, Map<String, String> environment)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.serviceFlags);
		command.add("-javaagent:" + agent + "=" + ProcessHandle.current().pid());
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(arguments);
		Path log = this.data.resolve("logs").resolve(name + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		this.processes.put(name, builder.start());
	}

	private void awaitHealthy() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		for (String name : this.processes.keySet()) {
			while (!healthy(name)) {
				if (!this.processes.get(name).isAlive()) {
					throw new IllegalStateException(name + " exited; see " + this.data.resolve("logs").resolve(name + ".log"));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(name + " not healthy after " + START_TIMEOUT);
				}
				Bench.sleep(500);
			}
		}
	}

	private boolean healthy(String name) {
		HttpRequest request = HttpRequest.newBuilder(uri(name).resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String name) {
		return URI.create("http://localhost:" + this.ports.get(name));
	}

	/** Copies, so that someone rebuilding a service on a shared machine cannot pull a jar from under a running JVM. */
	private static Path copyJars(Path root, Path copy) throws IOException {
		List<String> jars = new ArrayList<>(List.of(Platform.LAUNCHER_JAR));
		for (String service : List.of("indicator-service", "export-service", "gateway")) {
			jars.add(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar");
		}
		for (String jar : jars) {
			Path source = root.resolve(jar);
			if (!Files.isRegularFile(source)) {
				throw new IllegalStateException(source + " is missing; build first: ./mvnw -B -q install -DskipTests");
			}
			Path target = copy.resolve(jar);
			Files.createDirectories(target.getParent());
			Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return copy;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			Bench.say("Could not stop cleanly: " + ex);
		}
	}

}
