package io.healthstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/** What both benches share: progress lines, the machine description, the rate-limit override. */
final class Bench {

	/** The demo client every bench request runs as: it covers the whole province. */
	static final String CLIENT = "province-340000";

	private Bench() {
	}

	/**
	 * The gateway's per-client rate limit (100 requests/s, burst 200) would turn a benchmark into a
	 * measurement of the limiter, so the bench client gets a bucket it never empties — through the
	 * gateway's own per-client override, so the limiter still runs on every request, as in production.
	 * {@code properties} (a JSON object, e.g. from {@code --properties}) adds Spring properties for every
	 * service, to measure a configuration variant.
	 */
	static Map<String, String> platformEnvironment() {
		return platformEnvironment(null);
	}

	static Map<String, String> platformEnvironment(String properties) {
		ObjectNode json = properties == null || properties.isBlank() ? Api.JSON.createObjectNode()
				: (ObjectNode) Api.JSON.readTree(properties);
		ObjectNode bucket = json.putObject("gateway.limits.rate-limit.clients." + CLIENT);
		bucket.put("requests", 1_000_000).put("period", "1s").put("burst", 1_000_000);
		return Map.of("SPRING_APPLICATION_JSON", json.toString());
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A result table under its title, with a blank line before and after each. */
	static void print(String title, Table table) {
		System.out.println();
		System.out.println(title);
		System.out.println();
		System.out.print(table);
	}

	static void say(String line) {
		System.out.println("[" + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
	}

	static String machine() {
		String cpu = "unknown CPU";
		String memory = "";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
			memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
				.filter(line -> line.startsWith("MemTotal"))
				.map(line -> String.format(Locale.ROOT, ", %.0f GiB",
						Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.findFirst()
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the processor count below still says enough
		}
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory + ", Java "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name");
	}

	/** The 1-minute load average: other people's work on a shared machine moves every figure. */
	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

}
