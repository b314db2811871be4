package io.healthstats.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A command-line tool these checks use when this machine has it (kubectl, promtool, docker compose). */
record Tool(List<String> command) {

	record Result(int exitCode, String output) {
	}

	/** The first of {@code candidates} found on the PATH and answering {@code probe} with exit code 0. */
	static Optional<Tool> find(List<List<String>> candidates, String... probe) {
		for (List<String> candidate : candidates) {
			if (onPath(candidate.get(0))) {
				Tool tool = new Tool(candidate);
				try {
					if (tool.run(Repository.root(), probe).exitCode() == 0) {
						return Optional.of(tool);
					}
				}
				catch (IllegalStateException ex) {
					// not usable after all
				}
			}
		}
		return Optional.empty();
	}

	Result run(Path directory, String... arguments) {
		List<String> line = new ArrayList<>(this.command);
		line.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(line + " took more than a minute");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(line + " could not run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean onPath(String executable) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, executable))) {
				return true;
			}
		}
		return false;
	}

}
