package io.healthstats.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Facts read from the services' Java sources: what a record's components are called, which keys an
 * event's data map gets, which string literals appear. Reading the source (not the compiled classes)
 * keeps this module independent of the services' repackaged jars.
 */
final class JavaSource {

	private JavaSource() {
	}

	static String read(String service, String relative) {
		return Repository.read(service + "/src/main/java/io/healthstats/" + relative);
	}

	/** Component names of {@code record name(...)} in {@code source}, in order. */
	static List<String> recordComponents(String source, String name) {
		Matcher matcher = Pattern.compile("record\\s+" + name + "\\s*\\(").matcher(source);
		if (!matcher.find()) {
			throw new AssertionError("no record " + name);
		}
		int depth = 0;
		int start = matcher.end();
		List<String> components = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = start; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '<' || c == '(') {
				depth++;
			}
			else if (c == '>' || (c == ')' && depth > 0)) {
				depth--;
			}
			else if (c == ')' || (c == ',' && depth == 0)) {
				components.add(lastIdentifier(current.toString()));
				current.setLength(0);
				if (c == ')') {
					break;
				}
				continue;
			}
			current.append(c);
		}
		return components;
	}

	/** Keys of {@code data.put("key", …)} calls between two markers of {@code source}. */
	static Set<String> putKeys(String source, String from, String to) {
		int start = source.indexOf(from);
		int end = source.indexOf(to, start + from.length());
		if (start < 0 || end < 0) {
			throw new AssertionError("markers not found: " + from + " … " + to);
		}
		Set<String> keys = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("data\\.put\\(\"([A-Za-z]+)\"").matcher(source.substring(start, end));
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	/** String literals matching {@code pattern} anywhere in a service's main sources. */
	static Set<String> literals(String service, Pattern pattern) {
		Set<String> found = new LinkedHashSet<>();
		Path root = Repository.file(service + "/src/main/java");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				// a literal may hold escapes ("\\|"): skipped as pairs, or the quotes after it pair up wrongly
				Matcher matcher = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"").matcher(Files.readString(file));
				while (matcher.find()) {
					if (pattern.matcher(matcher.group(1)).matches()) {
						found.add(matcher.group(1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static String lastIdentifier(String component) {
		Matcher matcher = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*$").matcher(component.trim());
		if (!matcher.find()) {
			throw new AssertionError("no name in record component '" + component + "'");
		}
		return matcher.group(1);
	}

}
