package io.healthstats.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.healthstats.ops.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/prometheus: every service is scraped on /actuator/prometheus, and the alert rules cover what
 * the operator must hear about. promtool checks the syntax where it is installed (Debian package
 * {@code prometheus}); the metric names are checked against the running platform by MetricsIT.
 */
class PrometheusRulesTests {

	static final String RULES = "deploy/prometheus/rules/healthstats.yml";

	@Test
	void scrapesEveryServiceOnItsActuatorEndpoint() {
		Map<String, Object> config = Repository.yaml("deploy/prometheus/prometheus.yml");
		List<Map<String, Object>> jobs = at(config, "scrape_configs");
		assertThat(jobs).hasSize(1);
		assertThat(jobs.get(0)).containsEntry("metrics_path", "/actuator/prometheus");
		List<Map<String, Object>> targets = at(jobs.get(0), "static_configs");
		Set<String> scraped = targets.stream().map(t -> (List<String>) at(t, "targets")).flatMap(List::stream)
			.collect(Collectors.toSet());
		Map<String, Object> compose = at(Repository.yaml("docker-compose.yml"), "services");
		Set<String> expected = Repository.SERVICES.stream()
			.map(service -> service + ":" + at(compose, service + ".environment.PORT"))
			.collect(Collectors.toSet());
		assertThat(scraped).isEqualTo(expected);
		assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
	}

	@Test
	void alertsCoverErrorsLatencyLagDeadLettersAndExports() {
		Map<String, String> expressions = PromQl.alerts(Repository.yaml(RULES));
		assertThat(expressions).containsKeys("HighErrorRate", "SlowRequestsP99", "KafkaConsumerLag",
				"DeadLettersGrowing", "ExportFailures", "RollupEventsDelayed", "ServiceDown");
		assertThat(expressions.get("HighErrorRate")).contains("status=~\"5..\"");
		assertThat(expressions.get("SlowRequestsP99")).contains("histogram_quantile(0.99").contains("_bucket");
		assertThat(PromQl.metricNames(expressions.get("KafkaConsumerLag"))).allMatch(name -> name.contains("lag"));
		assertThat(PromQl.metricNames(expressions.get("DeadLettersGrowing"))).containsExactly("indicator_ingest_dead_letters_total");
	}

	@Test
	void everyAlertSaysHowBadAndWhatToDo() {
		List<Map<String, Object>> groups = at(Repository.yaml(RULES), "groups");
		for (Map<String, Object> group : groups) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				assertThat((String) at(rule, "labels.severity")).as(rule.get("alert") + " severity").isIn("critical", "warning");
				assertThat((String) at(rule, "annotations.summary")).as(rule.get("alert") + " summary").isNotBlank();
				assertThat((String) at(rule, "annotations.description")).as(rule.get("alert") + " description").isNotBlank();
				assertThat((String) at(rule, "annotations.runbook")).startsWith("README.md#");
			}
		}
	}

	@Test
	void promtoolAcceptsConfigurationAndRules() {
		Optional<Tool> promtool = Tool.find(List.of(List.of("promtool")), "--version");
		assumeTrue(promtool.isPresent(), "promtool not installed (apt-get install prometheus): rules parsed by the other tests only");
		Tool.Result config = promtool.get().run(Repository.file("deploy/prometheus"), "check", "config", "prometheus.yml");
		assertThat(config.exitCode()).as(config.output()).isZero();
		Tool.Result tests = promtool.get().run(Repository.file("deploy/prometheus"), "test", "rules", "tests/healthstats-tests.yml");
		assertThat(tests.exitCode()).as(tests.output()).isZero();
	}

}
