package io.healthstats.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the platform: its name (= module folder), its port and the jar Maven builds for it.
 */
record Service(String name, int port) {

	static final String VERSION = "0.1.0-SNAPSHOT";

	/** The gateway first, then the services behind it. */
	static final List<Service> ALL = List.of(new Service("gateway", 8080), new Service("report-service", 8081),
			new Service("indicator-service", 8082), new Service("export-service", 8083));

	Path jar(Path root) {
		return root.resolve(this.name).resolve("target").resolve(this.name + "-" + VERSION + ".jar");
	}

	String url() {
		return "http://localhost:" + this.port;
	}

}
