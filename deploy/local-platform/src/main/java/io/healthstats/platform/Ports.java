package io.healthstats.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ports the platform binds: gateway 8080, report-service 8081, indicator-service 8082,
 * export-service 8083, authorization server 9000, Kafka 9092 and MongoDB 27017, all shifted by
 * {@code $HEALTHSTATS_PORT_OFFSET} (0 by default) so that a second platform — an end-to-end test or
 * a benchmark — can run beside the one a developer is using.
 */
record Ports(int offset) {

	static final String OFFSET_VARIABLE = "HEALTHSTATS_PORT_OFFSET";

	Ports {
		if (offset < 0 || 27017 + offset > 65535) {
			throw new IllegalStateException(OFFSET_VARIABLE + " must be between 0 and " + (65535 - 27017) + ", not " + offset);
		}
	}

	static Ports from(Map<String, String> environment) {
		String value = environment.getOrDefault(OFFSET_VARIABLE, "").strip();
		if (value.isEmpty()) {
			return new Ports(0);
		}
		try {
			return new Ports(Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(OFFSET_VARIABLE + " must be a number, not '" + value + "'");
		}
	}

	/** The gateway first, then the services behind it. */
	List<Service> services() {
		return List.of(new Service("gateway", 8080 + this.offset), new Service("report-service", 8081 + this.offset),
				new Service("indicator-service", 8082 + this.offset), new Service("export-service", 8083 + this.offset));
	}

	Service service(String name) {
		return services().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
	}

	int auth() {
		return 9000 + this.offset;
	}

	int kafka() {
		return 9092 + this.offset;
	}

	int mongo() {
		return 27017 + this.offset;
	}

	List<Integer> all() {
		List<Integer> ports = new ArrayList<>();
		services().forEach(service -> ports.add(service.port()));
		ports.addAll(List.of(auth(), kafka(), mongo()));
		return ports;
	}

}
