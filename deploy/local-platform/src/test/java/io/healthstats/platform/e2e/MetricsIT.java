package io.healthstats.platform.e2e;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules use is published by the running
 * services on {@code /actuator/prometheus} — so no panel stays empty and no alert waits for a series
 * that never comes because of a renamed metric.
 */
class MetricsIT {

	private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

	/** Series Prometheus makes itself for every scrape, not published by a service. */
	private static final Set<String> FROM_PROMETHEUS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

	private final RunningPlatform platform = RunningPlatform.shared();

	@Test
	@SuppressWarnings("unchecked")
	void everyMetricOfTheDashboardAndTheAlertsIsPublished() throws IOException {
		finishAnExport(); // the export-service registers its job metrics with the first finished job

		Set<String> used = new TreeSet<>();
		JsonNode dashboard = RunningPlatform.JSON.readTree(Files.readString(REPOSITORY.resolve("deploy/grafana/dashboards/healthstats-platform.json")));
		dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(t -> used.addAll(metricNames(t.get("expr").asString()))));
		Map<String, List<Map<String, Object>>> rules = new Yaml().load(Files.readString(REPOSITORY.resolve("deploy/prometheus/rules/healthstats.yml")));
		for (Map<String, Object> group : rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				used.addAll(metricNames(String.valueOf(rule.get("expr"))));
			}
		}
		used.removeAll(FROM_PROMETHEUS);
		assertThat(used).hasSizeGreaterThan(15);

		Set<String> published = new TreeSet<>();
		for (String service : List.of("gateway", "report-service", "indicator-service", "export-service")) {
			HttpResponse<String> scrape = this.platform.send(null,
					HttpRequest.newBuilder(this.platform.service(service).resolve("/actuator/prometheus")).GET());
			assertThat(scrape.statusCode()).as(service).isEqualTo(200);
			scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
				.forEach(line -> published.add(line.split("[{ ]", 2)[0]));
		}
		assertThat(published).containsAll(used);
	}

	private void finishAnExport() {
		HttpResponse<String> created = this.platform.send("county-341523", this.platform.post("/api/v1/exports", "application/json",
				"{\"format\":\"csv\",\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"from\":\"2024\",\"to\":\"2024\"}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
		String location = created.headers().firstValue("Location").orElseThrow();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
			HttpResponse<String> job = this.platform.send("county-341523", this.platform.request(location).GET());
			String status = RunningPlatform.JSON.readTree(job.body()).path("status").asString("");
			return !status.isEmpty() && !status.equalsIgnoreCase("queued") && !status.equalsIgnoreCase("running");
		});
	}

	/** Metric names in a PromQL expression: identifiers that are not functions, keywords or label names. */
	static Set<String> metricNames(String expression) {
		String text = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$\\{?[a-zA-Z_]+}?", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(text);
		while (matcher.find()) {
			String token = matcher.group();
			String rest = text.substring(matcher.end()).stripLeading();
			boolean function = rest.startsWith("(");
			boolean number = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
			if (!function && !number && !Set.of("and", "or", "unless", "bool", "offset").contains(token)) {
				names.add(token);
			}
		}
		return names;
	}

}
