package io.healthstats.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.healthstats.ops.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/grafana: the provisioned data source and dashboard fit together and with docker-compose.yml,
 * the dashboard shows what the operator needs, its queries are valid PromQL (promtool, where
 * installed), and every metric it uses is named in the README. That the metrics exist on the running
 * services is checked by MetricsIT in deploy/local-platform.
 */
class GrafanaDashboardTests {

	static final String DASHBOARD = "deploy/grafana/dashboards/healthstats-platform.json";

	private final JsonNode dashboard = JsonMapper.builder().build().readTree(Repository.read(DASHBOARD));

	@Test
	void everyPanelQueriesTheProvisionedPrometheus() {
		Map<String, Object> datasources = Repository.yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
		List<Map<String, Object>> sources = at(datasources, "datasources");
		assertThat(sources).hasSize(1);
		String uid = (String) sources.get(0).get("uid");
		assertThat((String) sources.get(0).get("url")).isEqualTo("http://prometheus:9090");

		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : this.dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("unique panel id " + panel.get("id")).isTrue();
			if (!panel.get("type").asString().equals("row")) {
				assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(uid);
				assertThat(panel.get("targets")).isNotEmpty();
				panel.get("targets").forEach(target -> assertThat(target.get("datasource").get("uid").asString()).isEqualTo(uid));
				assertThat(panel.path("description").asString("")).as(panel.get("title").asString()).isNotBlank();
			}
		}
	}

	@Test
	void showsIngestRollupLagKafkaLagQueryLatencyExportsAndMemory() {
		Map<String, String> byTitle = expressionsByTitle();
		assertThat(byTitle.keySet()).contains("Ingest rate (rows/s)", "Roll-up lag", "Kafka consumer lag (records)",
				"Query latency by endpoint (p99)", "Export jobs finished (per interval)", "Heap used / max");
		assertThat(byTitle.get("Ingest rate (rows/s)")).contains("indicator_observations_rows_total");
		assertThat(byTitle.get("Roll-up lag")).contains("indicator_ingest_lag_seconds_bucket", "indicator_outbox_oldest_age_seconds");
		assertThat(byTitle.get("Kafka consumer lag (records)")).contains("records_lag");
		assertThat(byTitle.get("Query latency by endpoint (p99)")).contains("by (application, uri, le)");
		assertThat(byTitle.get("Export jobs finished (per interval)")).contains("healthstats_exports_jobs_total");
		assertThat(byTitle.get("Heap used / max")).contains("jvm_memory_used_bytes", "jvm_memory_max_bytes");
	}

	@Test
	void composeProvisionsWhatThisFolderHolds() {
		Map<String, Object> grafana = at(Repository.yaml("docker-compose.yml"), "services.grafana");
		List<String> volumes = at(grafana, "volumes");
		assertThat(volumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		Map<String, Object> provider = ((List<Map<String, Object>>) at(
				Repository.yaml("deploy/grafana/provisioning/dashboards/healthstats.yml"), "providers")).get(0);
		assertThat((String) at(provider, "options.path")).isEqualTo("/var/lib/grafana/dashboards");
		assertThat((String) at(grafana, "environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
			.isEqualTo("/var/lib/grafana/dashboards/" + Path.of(DASHBOARD).getFileName());
	}

	@Test
	void theReadmeNamesEveryCustomMetricTheDashboardAndAlertsUse() {
		Set<String> used = new LinkedHashSet<>(metricNames());
		PromQl.alerts(Repository.yaml(PrometheusRulesTests.RULES)).values().forEach(e -> used.addAll(PromQl.metricNames(e)));
		String readme = Repository.read("README.md");
		String operate = readme.substring(readme.indexOf("## Operate"));
		for (String metric : used) {
			if (metric.startsWith("indicator_") || metric.startsWith("healthstats_") || metric.startsWith("report_")) {
				String base = metric.replaceAll("_(total|seconds_bucket|seconds|bucket)$", "");
				assertThat(operate).as("README \"Operate\" names " + metric).contains(base);
			}
		}
	}

	@Test
	void promtoolParsesEveryQuery(@TempDir Path dir) throws IOException {
		Optional<Tool> promtool = Tool.find(List.of(List.of("promtool")), "--version");
		assumeTrue(promtool.isPresent(), "promtool not installed: dashboard queries not syntax-checked");
		// each query as a recording rule, with Grafana's variables replaced by what they stand for
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
		int n = 0;
		for (String expression : expressionsByTitle().values()) {
			for (String query : expression.split("\n")) {
				String promql = query.replace("$__rate_interval", "5m").replace("$application", ".*");
				rules.append("      - record: dashboard:query").append(++n).append("\n        expr: '")
					.append(promql.replace("'", "''")).append("'\n");
			}
		}
		Files.writeString(dir.resolve("dashboard.yml"), rules);
		Tool.Result result = promtool.get().run(dir, "check", "rules", "dashboard.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
	}

	/** Every metric name the dashboard's queries use. */
	Set<String> metricNames() {
		Set<String> names = new LinkedHashSet<>();
		expressionsByTitle().values().forEach(e -> names.addAll(PromQl.metricNames(e)));
		return names;
	}

	private Map<String, String> expressionsByTitle() {
		Map<String, String> byTitle = new LinkedHashMap<>();
		for (JsonNode panel : this.dashboard.get("panels")) {
			List<String> expressions = new ArrayList<>();
			panel.path("targets").forEach(target -> expressions.add(target.get("expr").asString()));
			if (!expressions.isEmpty()) {
				byTitle.put(panel.get("title").asString(), String.join("\n", expressions));
			}
		}
		return byTitle;
	}

}
