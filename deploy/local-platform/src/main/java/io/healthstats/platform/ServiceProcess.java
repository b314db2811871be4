package io.healthstats.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM from its built jar, its output going to {@code <data>/logs/<name>.log}.
 */
final class ServiceProcess {

	/**
	 * Lean flags measured to keep four services starting together on two cores fast and small: the
	 * serial collector and the C1 compiler only (start-up work dominates a local run), a bounded heap.
	 * All services but the gateway run with them.
	 */
	static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
			"-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m");

	/**
	 * The gateway is on the path of every request and the indicator-service does the work of every ingest
	 * and dashboard read, so both keep the optimizing C2 compiler: with C1 only the gateway spent 1.2-1.5 ms
	 * of CPU per request against 0.7-0.9 ms with C2 once warm (GatewayBench, deploy/bench/README.md), for
	 * ~55 MB more resident memory; the platform starts as fast.
	 */
	static final List<String> C2_JVM_FLAGS = JVM_FLAGS.stream()
		.filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel"))
		.toList();

	private static final List<String> C2_SERVICES = List.of("gateway", "indicator-service");

	static List<String> jvmFlags(Service service) {
		return C2_SERVICES.contains(service.name()) ? C2_JVM_FLAGS : JVM_FLAGS;
	}

	private final Service service;

	private final Process process;

	private final Path log;

	private ServiceProcess(Service service, Process process, Path log) {
		this.service = service;
		this.process = process;
		this.log = log;
	}

	static ServiceProcess start(Service service, PlatformLayout layout, Path watchdogAgent, Map<String, String> environment) {
		Path jar = service.jar(layout.root());
		Path log = layout.log(service.name());
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmFlags(service));
		command.add("-javaagent:" + watchdogAgent + "=" + ProcessHandle.current().pid());
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(layout.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(service.port()));
		try {
			Files.createDirectories(log.getParent());
			return new ServiceProcess(service, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + service.name() + " from " + jar, ex);
		}
	}

	Service service() {
		return this.service;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/** Asks the service to shut down gracefully (SIGTERM, so Spring's shutdown hooks run). */
	void requestStop() {
		this.process.destroy();
	}

	/** Waits for the graceful stop, then kills what is left of the JVM. */
	void awaitStop(long graceMillis) {
		try {
			if (!this.process.waitFor(Math.max(graceMillis, 0), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** The last lines of the service's log, to explain a failed start without opening the file. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
