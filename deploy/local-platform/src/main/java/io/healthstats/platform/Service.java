package io.healthstats.platform;

import java.nio.file.Path;

/**
 * A service of the platform: its name (= module folder), its port and the jar Maven builds for it.
 */
record Service(String name, int port) {

	static final String VERSION = "0.1.0-SNAPSHOT";

	Path jar(Path root) {
		return root.resolve(this.name).resolve("target").resolve(this.name + "-" + VERSION + ".jar");
	}

	String url() {
		return "http://localhost:" + this.port;
	}

}
