package io.healthstats.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The platform a bench measures: either started here exactly as a user starts it (command 1 of the
 * README: {@code java -XX:+UseSerialGC -jar local-platform.jar}), on free
 * ports ({@code HEALTHSTATS_PORT_OFFSET}) and with its own data folder, and stopped at the end; or
 * one already running, given by its addresses.
 */
final class Platform implements AutoCloseable {

	static final String LAUNCHER_JAR = "deploy/local-platform/target/local-platform.jar";

	static final List<String> SERVICES = List.of("gateway", "report-service", "indicator-service", "export-service");

	static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC");

	private static final String READY_LINE = "Health-statistics platform is running";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	private final URI gateway;

	private final URI indicatorService;

	private final String mongo;

	private final Process launcher;

	private final String description;

	private Platform(URI gateway, URI indicatorService, String mongo, Process launcher, String description) {
		this.gateway = gateway;
		this.indicatorService = indicatorService;
		this.mongo = mongo;
		this.launcher = launcher;
		this.description = description;
	}

	/** A platform started by someone else (nothing is started or stopped here). */
	static Platform attach(URI gateway, URI indicatorService, String mongo) {
		return new Platform(gateway, indicatorService, mongo, null, "already running, gateway " + gateway);
	}

	/**
	 * Starts the launcher with its data in {@code data} (kept between runs unless {@code fresh}) and
	 * returns once it printed that the platform is running (services UP, demo data loaded).
	 */
	static Platform start(Path data, boolean fresh, Map<String, String> environment) {
		Path root = repositoryRoot();
		if (fresh) {
			deleteRecursively(data);
		}
		Path copy = copyJars(root, data.resolve("jars"));
		Path jar = copy.resolve(LAUNCHER_JAR);
		int offset = freeOffset();
		Path log = data.resolve("launcher.out");
		try {
			Files.createDirectories(data);
			Path agent = writeWatchdogJar(data.resolve("bench-watchdog.jar"));
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(LAUNCHER_FLAGS);
			command.add("-javaagent:" + agent + "=" + ProcessHandle.current().pid());
			command.addAll(List.of("-jar", jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			builder.environment().put("HEALTHSTATS_PORT_OFFSET", Integer.toString(offset));
			builder.environment().put("HEALTHSTATS_DATA", data.toAbsolutePath().toString());
			builder.environment().put("HEALTHSTATS_ROOT", copy.toString());
			long started = System.nanoTime();
			Process process = builder.start();
			Platform platform = new Platform(URI.create("http://localhost:" + (8080 + offset)),
					URI.create("http://localhost:" + (8082 + offset)), "mongodb://localhost:" + (27017 + offset), process,
					"started by the bench (offset " + offset + ", data " + data + ")");
			Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "bench-platform-stop"));
			platform.awaitReady(log);
			Bench.say(String.format("Platform ready in %.0f s: gateway %s, indicator-service %s, %s (launcher log %s)",
					(System.nanoTime() - started) / 1e9, platform.gateway, platform.indicatorService, platform.mongo, log));
			return platform;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the platform from " + jar, ex);
		}
	}

	URI gateway() {
		return this.gateway;
	}

	URI indicatorService() {
		return this.indicatorService;
	}

	String mongo() {
		return this.mongo;
	}

	String description() {
		return this.description;
	}

	/**
	 * The processes of a platform started here, for CPU accounting: "launcher" (MongoDB server,
	 * Kafka, authorization server) and each service by name; empty for an attached platform.
	 */
	Map<String, ProcessHandle> processes() {
		Map<String, ProcessHandle> processes = new LinkedHashMap<>();
		if (this.launcher == null) {
			return processes;
		}
		processes.put("launcher", this.launcher.toHandle());
		for (String service : SERVICES) {
			this.launcher.descendants()
				.filter(child -> child.info().commandLine().orElse("").contains("/" + service + "-"))
				.findFirst()
				.ifPresent(child -> processes.put(service, child));
		}
		return processes;
	}

	/** Stops a platform this bench started: the launcher's Ctrl-C path (services first), then force. */
	@Override
	public synchronized void close() {
		if (this.launcher == null || !this.launcher.isAlive()) {
			return;
		}
		Bench.say("Stopping the platform ...");
		this.launcher.destroy();
		try {
			if (!this.launcher.waitFor(45, TimeUnit.SECONDS)) {
				this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				this.launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Bench.say("Platform stopped");
	}

	private void awaitReady(Path log) throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.exists(log) ? Files.readString(log) : "";
			if (output.contains(READY_LINE)) {
				return;
			}
			if (!this.launcher.isAlive()) {
				throw new IllegalStateException("The platform exited with code " + this.launcher.exitValue() + ":\n" + output);
			}
			Bench.sleep(500);
		}
		close();
		throw new IllegalStateException("The platform was not ready after " + START_TIMEOUT + "; see " + log);
	}

	/**
	 * Copies of the launcher and service jars, laid out like the checkout ({@code HEALTHSTATS_ROOT}
	 * points the launcher at them): on a shared machine someone may rebuild a service while a long
	 * load runs, and a jar rewritten under a running JVM makes it fail with class-loading errors.
	 */
	private static Path copyJars(Path root, Path copy) {
		List<String> jars = new ArrayList<>(List.of(LAUNCHER_JAR));
		for (String service : SERVICES) {
			jars.add(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar");
		}
		try {
			for (String jar : jars) {
				Path source = root.resolve(jar);
				if (!Files.isRegularFile(source)) {
					throw new IllegalStateException(source + " is missing; build first: ./mvnw -B -q install -DskipTests");
				}
				Path target = copy.resolve(jar);
				Files.createDirectories(target.getParent());
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
			Files.copy(root.resolve("pom.xml"), copy.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the platform's jars to " + copy, ex);
		}
	}

	/** The checkout: the working directory or one of its parents holding deploy/local-platform. */
	static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("deploy/local-platform")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Run the bench from the repository (no deploy/local-platform above " + Path.of("").toAbsolutePath() + ")");
	}

	/** An offset whose seven ports are all free right now, far from the ones developers use. */
	private static int freeOffset() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int offset = 100 * ThreadLocalRandom.current().nextInt(100, 350);
			if (Stream.of(8080, 8081, 8082, 8083, 9000, 9092, 27017).allMatch(port -> isFree(port + offset))) {
				return offset;
			}
		}
		throw new IllegalStateException("No free port range found for the bench platform");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The JVM loads an agent from a jar's root; the bench's classes may come from a folder. */
	static Path writeWatchdogJar(Path jar) throws IOException {
		String entry = BenchWatchdog.class.getName().replace('.', '/') + ".class";
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), BenchWatchdog.class.getName());
		Files.createDirectories(jar.getParent());
		try (InputStream bytes = BenchWatchdog.class.getClassLoader().getResourceAsStream(entry);
				OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest)) {
			if (bytes == null) {
				throw new IllegalStateException("Class file " + entry + " not found");
			}
			out.putNextEntry(new JarEntry(entry));
			bytes.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

	static void deleteRecursively(Path folder) {
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

}
