package io.healthstats.platform.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the {@link RunningPlatform} as an operating-system process, for tests of what users
 * see while a service is down: found among the launcher's children by its jar, stopped as an
 * operator would stop it (SIGTERM), and started again with the very command line, working folder
 * and environment the launcher gave it (read from {@code /proc} before stopping it), its output
 * appended to the same log. Linux only, like the launcher's own process handling.
 *
 * <p>The started copy is a child of this test JVM: its watchdog agent is pointed at this JVM, so it
 * exits when the tests do, like the launcher's children exit with the launcher.
 */
final class ServiceProcess {

	private final String name;

	private final List<String> command;

	private final Path directory;

	private final Map<String, String> environment;

	private ProcessHandle handle;

	private ServiceProcess(String name, ProcessHandle handle, List<String> command, Path directory,
			Map<String, String> environment) {
		this.name = name;
		this.handle = handle;
		this.command = command;
		this.directory = directory;
		this.environment = environment;
	}

	/** The running process of {@code name} (e.g. report-service) in the platform this JVM started. */
	static ServiceProcess of(String name) {
		String jar = File.separator + name + "-";
		ProcessHandle process = ProcessHandle.current()
			.descendants()
			.filter(candidate -> candidate.info().arguments().stream().flatMap(Arrays::stream)
				.anyMatch(argument -> argument.contains(jar) && argument.endsWith(".jar")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No process of " + name + " under this test JVM"));
		Path proc = Path.of("/proc", Long.toString(process.pid()));
		try {
			List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
			Map<String, String> environment = new LinkedHashMap<>();
			for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
				int equals = entry.indexOf('=');
				if (equals > 0) {
					environment.put(entry.substring(0, equals), entry.substring(equals + 1));
				}
			}
			return new ServiceProcess(name, process, command, proc.resolve("cwd").toRealPath(), environment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + proc, ex);
		}
	}

	long pid() {
		return this.handle.pid();
	}

	/** SIGTERM, as an operator or the launcher stops a service; waits until the process is gone. */
	void stop() {
		this.handle.destroy();
		try {
			this.handle.onExit().get(40, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			this.handle.destroyForcibly();
			throw new IllegalStateException(this.name + " did not stop", ex);
		}
	}

	/** Starts the service again exactly as the launcher did; returns once the process runs (not yet healthy). */
	void start() {
		List<String> command = new ArrayList<>();
		for (String argument : this.command) {
			// the launcher's watchdog exits a service whose parent is not the process named here
			command.add(argument.startsWith("-javaagent:") && argument.contains("watchdog")
					? argument.substring(0, argument.lastIndexOf('=') + 1) + ProcessHandle.current().pid() : argument);
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile()).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		String data = this.environment.get("HEALTHSTATS_DATA");
		if (data != null) {
			Path log = this.directory.resolve(data).resolve("logs").resolve(this.name + ".log");
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		}
		else {
			builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		}
		try {
			Process process = builder.start();
			this.handle = process.toHandle();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, this.name + "-stop"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name + " again", ex);
		}
	}

	boolean isAlive() {
		return this.handle.isAlive();
	}

	private static List<String> split(byte[] nulSeparated) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < nulSeparated.length; i++) {
			if (nulSeparated[i] == 0) {
				parts.add(new String(nulSeparated, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		if (start < nulSeparated.length) {
			parts.add(new String(nulSeparated, start, nulSeparated.length - start, StandardCharsets.UTF_8));
		}
		return parts;
	}

}
