package io.healthstats.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} options ({@code --flag} alone means true); anything else is an error. */
final class Args {

	private final Map<String, String> values = new LinkedHashMap<>();

	private Args() {
	}

	static Args parse(String[] args, List<String> known) {
		Args parsed = new Args();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + arg + "; options are --" + String.join(", --", known));
			}
			int eq = arg.indexOf('=');
			String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
			if (!known.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name + "; options are --" + String.join(", --", known));
			}
			parsed.values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
		}
		return parsed;
	}

	String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		return this.values.containsKey(name) ? Integer.parseInt(this.values.get(name).replace("_", "")) : fallback;
	}

	int[] integers(String name, String fallback) {
		return Arrays.stream(get(name, fallback).split(",")).map(String::trim).map(v -> v.replace("_", "")).mapToInt(Integer::parseInt).toArray();
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(this.values.getOrDefault(name, "false"));
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

}
