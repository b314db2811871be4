package io.healthstats.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The checked-out repository these tests read: its files, YAML documents and the services' settings. */
final class Repository {

	static final List<String> SERVICES = List.of("gateway", "report-service", "indicator-service", "export-service");

	/** {@code ${NAME:default}} placeholders of an application.yml whose name is an environment variable. */
	private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private static final Path ROOT = findRoot();

	private Repository() {
	}

	static Path root() {
		return ROOT;
	}

	static Path file(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(file(relative), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String relative) {
		return (Map<String, Object>) yaml().load(read(relative));
	}

	/** Every document of a multi-document YAML text (kubectl output, manifests with ---). */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	/** Environment variables a service's application.yml reads, with their defaults (null when none). */
	static Map<String, String> environmentRead(String service) {
		Map<String, String> names = new LinkedHashMap<>();
		Matcher matcher = ENV_PLACEHOLDER.matcher(read(service + "/src/main/resources/application.yml"));
		while (matcher.find()) {
			names.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return names;
	}

	/** Values of the {@code <prefix>.topics.*} keys of a service's application.yml: the topics it names. */
	@SuppressWarnings("unchecked")
	static Set<String> topics(String service) {
		Map<String, Object> settings = yaml(service + "/src/main/resources/application.yml");
		Set<String> topics = new LinkedHashSet<>();
		for (Object value : settings.values()) {
			if (value instanceof Map<?, ?> section && section.get("topics") instanceof Map<?, ?> named) {
				((Map<String, Object>) named).values().forEach(topic -> topics.add(String.valueOf(topic)));
			}
		}
		return topics;
	}

	/** A nested value by dotted path, or null. */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, String path) {
		Object current = node;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = ((Map<String, Object>) map).get(key);
		}
		return (T) current;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		// docker-compose.yml uses anchors and merge keys for the settings every service shares
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(200);
		return new Yaml(options);
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("docker-compose.yml")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Not inside the repository (no mvnw and docker-compose.yml above "
					+ Path.of("").toAbsolutePath() + ")");
		}
		return dir;
	}

}
