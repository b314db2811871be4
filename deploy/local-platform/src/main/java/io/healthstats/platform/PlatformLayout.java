package io.healthstats.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where things are: the repository root (found from the working directory or from the launcher's
 * own jar, so {@code java -jar} works from anywhere inside the checkout) and the data folder.
 * @param root the repository root
 * @param data {@code $HEALTHSTATS_DATA}, relative to the root unless absolute; {@code .data} by default
 */
record PlatformLayout(Path root, Path data) {

	static PlatformLayout locate(Map<String, String> environment) {
		Path root = findRoot(environment);
		Path data = root.resolve(environment.getOrDefault("HEALTHSTATS_DATA", ".data")).toAbsolutePath().normalize();
		return new PlatformLayout(root, data);
	}

	Path logs() {
		return this.data.resolve("logs");
	}

	Path lockFile() {
		return this.data.resolve("platform.lock");
	}

	Path log(String name) {
		return logs().resolve(name + ".log");
	}

	private static Path findRoot(Map<String, String> environment) {
		String explicit = environment.get("HEALTHSTATS_ROOT");
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit).toAbsolutePath().normalize();
		}
		List<Path> starts = new ArrayList<>();
		starts.add(Path.of("").toAbsolutePath());
		for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				starts.add(Path.of(entry).toAbsolutePath());
			}
		}
		for (Path start : starts) {
			for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
				if (isRoot(candidate)) {
					return candidate.normalize();
				}
			}
		}
		throw new IllegalStateException("Could not find the repository root (a folder with pom.xml, gateway/ and "
				+ "deploy/local-platform/) from " + starts + ". Run from the checkout or set HEALTHSTATS_ROOT.");
	}

	static boolean isRoot(Path candidate) {
		return Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("gateway"))
				&& Files.isDirectory(candidate.resolve("deploy").resolve("local-platform"));
	}

}
