package io.healthstats.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.healthstats.localinfra.LocalKafka;
import io.healthstats.localinfra.LocalMongo;
import io.healthstats.platform.auth.AuthorizationServerApplication;
import io.healthstats.platform.demo.DemoData;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command local platform: Kafka (KRaft) and the MongoDB-wire server in this JVM, the OAuth2
 * authorization server in this JVM, the four services as child JVMs, demo data through the services'
 * APIs. Ctrl-C stops everything.
 *
 * <p>{@code java -jar local-platform.jar auth-server} runs the authorization server alone.
 */
public final class LocalPlatform {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final long STOP_GRACE_MILLIS = 20_000;

	private final PlatformLayout layout;

	private final Ports ports;

	private final InstanceGuard guard;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final List<ServiceProcess> services = new ArrayList<>();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private LocalMongo mongo;

	private LocalKafka kafka;

	private ConfigurableApplicationContext authServer;

	private volatile boolean stopping;

	private LocalPlatform(PlatformLayout layout, Ports ports, InstanceGuard guard) {
		this.layout = layout;
		this.ports = ports;
		this.guard = guard;
	}

	public static void main(String[] args) {
		if (args.length > 0 && "auth-server".equals(args[0])) {
			AuthorizationServerApplication.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		PlatformLayout layout;
		Ports ports;
		InstanceGuard guard;
		try {
			layout = PlatformLayout.locate(System.getenv());
			ports = Ports.from(System.getenv());
			List<Path> missing = ports.services().stream()
				.map(service -> service.jar(layout.root()))
				.filter(jar -> !Files.isRegularFile(jar))
				.toList();
			if (!missing.isEmpty()) {
				fail("Service jars are missing: " + missing + System.lineSeparator()
						+ "Build them first, from " + layout.root() + ": ./mvnw -B -q install -DskipTests");
			}
			guard = InstanceGuard.acquire(layout.lockFile(), ports.all());
		}
		catch (InstanceGuard.AlreadyRunningException | IllegalStateException ex) {
			fail(ex.getMessage());
			return;
		}
		// Before anything logs: Kafka, the Mongo server and the authorization server write to a file.
		System.setProperty("healthstats.platform.log", layout.log("platform").toString());
		System.setProperty("logback.configurationFile", "logback-platform.xml");
		LocalPlatform platform = new LocalPlatform(layout, ports, guard);
		Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-shutdown"));
		try {
			platform.start();
		}
		catch (RuntimeException ex) {
			if (!platform.stopping) {
				say("Start failed: " + ex.getMessage());
				System.exit(1);
			}
		}
		platform.awaitStop();
	}

	private void start() {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		say("Repository " + this.layout.root() + ", data in " + this.layout.data());
		say("Logs: " + this.layout.logs() + "/<service>.log (platform.log: Kafka, MongoDB server, auth server)");

		this.mongo = LocalMongo.onDisk(this.layout.data().resolve("mongo").resolve("healthstats.mv.db"), this.ports.mongo());
		say("MongoDB-wire server (H2 files) on " + this.mongo.connectionString());
		this.kafka = LocalKafka.start(this.layout.data().resolve("kafka"), this.ports.kafka());
		say("Kafka broker (KRaft) on " + this.kafka.bootstrapServers());

		Path agent = WatchdogAgentJar.write(this.layout.data().resolve("run").resolve("launcher-watchdog.jar"));
		Map<String, String> environment = serviceEnvironment();
		for (Service service : this.ports.services()) {
			ServiceProcess process = ServiceProcess.start(service, this.layout, agent, environment);
			synchronized (this.services) {
				this.services.add(process);
				if (this.stopping) {
					// Ctrl-C while starting: the shutdown hook already took its list of children
					process.requestStop();
					throw new IllegalStateException("stopped while starting");
				}
			}
			say("Starting " + service.name() + " (pid " + process.pid() + ") on :" + service.port());
		}

		// The services fetch the JWK set only on their first authenticated request, so the
		// authorization server can come up while they start.
		this.authServer = AuthorizationServerApplication.startEmbedded(authProperties());
		say("Authorization server on http://localhost:" + this.ports.auth());

		awaitHealthy(jvmStart);
		double startSeconds = (System.currentTimeMillis() - jvmStart) / 1000.0;
		say(String.format("All services healthy %.1f s after the command started", startSeconds));

		long demoStart = System.nanoTime();
		DemoData demoData = new DemoData(this.http, this.layout.data().resolve("demo"),
				URI.create("http://localhost:" + this.ports.auth()), URI.create(service("indicator-service").url()),
				URI.create(service("report-service").url()));
		List<String> demo = demoData.loadOnce();
		demo.forEach(LocalPlatform::say);
		say(String.format("Demo data step took %.1f s", (System.nanoTime() - demoStart) / 1e9));
		printUrls(startSeconds);
	}

	private Map<String, Object> authProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", this.ports.auth());
		properties.put("spring.security.oauth2.authorizationserver.issuer", "http://localhost:" + this.ports.auth());
		properties.put("platform.auth.key-file", this.layout.data().resolve("auth").resolve("signing-key.jwk.json").toString());
		properties.put("logging.config", "classpath:logback-platform.xml");
		properties.put("spring.main.banner-mode", "off");
		// This JVM's shutdown hook stops things in order; Spring must not stop logging underneath it.
		properties.put("logging.register-shutdown-hook", false);
		return properties;
	}

	private Map<String, String> serviceEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("MONGODB_URI", this.mongo.connectionString());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("AUTH_JWK_SET_URI", "http://localhost:" + this.ports.auth() + "/oauth2/jwks");
		environment.put("AUTH_SERVER_URL", "http://localhost:" + this.ports.auth());
		environment.put("INDICATOR_SERVICE_URL", service("indicator-service").url());
		environment.put("REPORT_SERVICE_URL", service("report-service").url());
		environment.put("EXPORT_SERVICE_URL", service("export-service").url());
		return environment;
	}

	private void awaitHealthy(long jvmStart) {
		long deadline = System.currentTimeMillis() + START_TIMEOUT.toMillis();
		List<ServiceProcess> pending = new ArrayList<>(this.services);
		while (!pending.isEmpty() && !this.stopping) {
			for (ServiceProcess process : List.copyOf(pending)) {
				if (!process.isAlive()) {
					throw new IllegalStateException(process.service().name() + " exited with code " + process.exitValue()
							+ " during start. Last lines of " + process.log() + ":" + System.lineSeparator() + process.tail(40));
				}
				if (isUp(process.service())) {
					pending.remove(process);
					say(String.format("%s is UP (%.1f s)", process.service().name(), (System.currentTimeMillis() - jvmStart) / 1000.0));
				}
			}
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("Not healthy after " + START_TIMEOUT.toSeconds() + " s: "
						+ pending.stream().map(process -> process.service().name() + " (log " + process.log() + ")").toList());
			}
			sleep(250);
		}
		if (this.stopping) {
			throw new IllegalStateException("stopped while starting");
		}
	}

	private boolean isUp(Service service) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void printUrls(double startSeconds) {
		String gateway = service("gateway").url();
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("  Health-statistics platform is running");
		lines.add(row("Gateway (all APIs)", gateway));
		lines.add(row("Swagger UI", gateway + "/swagger-ui.html"));
		List<Service> services = this.ports.services();
		for (Service service : services.subList(1, services.size())) {
			lines.add(row(service.name(), service.url() + "  (health " + service.url() + "/actuator/health)"));
		}
		lines.add(row("Authorization server", "http://localhost:" + this.ports.auth() + "  (JWK set /oauth2/jwks)"));
		lines.add(row("Kafka", this.kafka.bootstrapServers()));
		lines.add(row("MongoDB", this.mongo.connectionString()));
		lines.add(row("Data and logs", this.layout.data().toString()));
		lines.add("");
		lines.add("  Demo clients: city-341500, county-341502 … county-341525, province-340000, partner-demo (read only);"
				+ " secret demo-secret");
		lines.add("    curl -u city-341500:demo-secret -d grant_type=client_credentials " + gateway + "/oauth2/token");
		lines.add("");
		lines.add(String.format("  Started in %.1f s. Press Ctrl-C to stop everything.", startSeconds));
		lines.add("");
		System.out.println(String.join(System.lineSeparator(), lines));
	}

	private static String row(String label, String value) {
		return String.format("  %-22s %s", label, value);
	}

	private void awaitStop() {
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs in the shutdown hook: children first (they use the rest), then auth, Kafka, MongoDB. */
	private void stop() {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		say("Stopping the platform ...");
		List<ServiceProcess> children;
		synchronized (this.services) {
			children = List.copyOf(this.services);
		}
		children.forEach(ServiceProcess::requestStop);
		long deadline = System.currentTimeMillis() + STOP_GRACE_MILLIS;
		for (ServiceProcess child : children) {
			child.awaitStop(deadline - System.currentTimeMillis());
			say("Stopped " + child.service().name());
		}
		quietly("authorization server", () -> {
			if (this.authServer != null) {
				this.authServer.close();
			}
		});
		quietly("Kafka", () -> {
			if (this.kafka != null) {
				this.kafka.close();
			}
		});
		quietly("MongoDB server", () -> {
			if (this.mongo != null) {
				this.mongo.close();
			}
		});
		this.guard.close();
		say("Platform stopped; data kept in " + this.layout.data());
		this.stopped.countDown();
	}

	private static void quietly(String what, Runnable action) {
		try {
			action.run();
			say("Stopped " + what);
		}
		catch (RuntimeException ex) {
			say("Could not stop " + what + " cleanly: " + ex);
		}
	}

	private Service service(String name) {
		return this.ports.service(name);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting", ex);
		}
	}

	private static void fail(String message) {
		System.err.println("[platform] " + message);
		System.exit(1);
	}

	static void say(String message) {
		System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [platform] " + message);
	}

}
