package io.healthstats.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.healthstats.ops.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/k8s as Kubernetes would get it: rendered by {@code kubectl kustomize} where kubectl is
 * installed, otherwise the base's resource files read as they are (no name or namespace
 * transformation — what the checks below do not depend on).
 */
class KubernetesManifestsTests {

	private static final Optional<Tool> KUBECTL = Tool.find(List.of(List.of("kubectl")), "version", "--client");

	private static final Pattern BOOT_RELAXED = Pattern.compile("(LOGGING|MANAGEMENT|SPRING|SERVER)_.*");

	private static List<Map<String, Object>> rendered;

	@BeforeAll
	static void render() {
		rendered = KUBECTL.map(kubectl -> kustomize(kubectl, "deploy/k8s")).orElseGet(KubernetesManifestsTests::baseFiles);
	}

	@Test
	void everyServiceRunsAsADeploymentWithProbesResourcesAndANonRootUser() {
		for (String service : Repository.SERVICES) {
			Map<String, Object> deployment = one("Deployment", service);
			Map<String, Object> container = container(deployment);
			String port = environment(container).get("PORT");
			assertThat(port).as(service + " PORT").isEqualTo(applicationPortDefault(service));
			assertThat((Object) at(container, "ports")).asString().contains("containerPort=" + port);
			assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
			assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
			assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
			assertThat((Object) at(container, "resources.requests.cpu")).as(service).isNotNull();
			assertThat((Object) at(container, "resources.requests.memory")).as(service).isNotNull();
			assertThat((Object) at(container, "resources.limits.memory")).as(service).isNotNull();
			assertThat((Boolean) at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isTrue();
			assertThat((String) container.get("image")).startsWith("healthstats/" + service);
			Map<String, String> annotations = at(deployment, "spec.template.metadata.annotations");
			assertThat(annotations).containsEntry("prometheus.io/path", "/actuator/prometheus").containsEntry("prometheus.io/port", port);
		}
	}

	@Test
	void servicesSelectTheirPodsAndTheIngressReachesOnlyTheGatewayApi() {
		for (String service : Repository.SERVICES) {
			Map<String, Object> deployment = one("Deployment", service);
			Map<String, String> selector = at(one("Service", service), "spec.selector");
			Map<String, String> podLabels = at(deployment, "spec.template.metadata.labels");
			assertThat(podLabels).as(service + " pods").containsAllEntriesOf(selector);
			List<Map<String, Object>> ports = at(one("Service", service), "spec.ports");
			assertThat(ports).extracting(p -> p.get("targetPort")).containsExactly("http");
		}
		List<Map<String, Object>> ingresses = all("Ingress");
		assertThat(ingresses).hasSize(1);
		List<Map<String, Object>> rules = at(ingresses.get(0), "spec.rules");
		List<Map<String, Object>> paths = at(rules.get(0), "http.paths");
		assertThat(paths).extracting(p -> (String) at(p, "backend.service.name")).containsOnly("gateway");
		assertThat(paths).extracting(p -> (String) p.get("path")).contains("/api", "/oauth2").noneMatch(p -> p.startsWith("/actuator"));
	}

	@Test
	void statelessServicesScaleHorizontallyAndKeepOnePodThroughDisruptions() {
		Set<String> scaled = all("HorizontalPodAutoscaler").stream()
			.map(hpa -> (String) at(hpa, "spec.scaleTargetRef.name"))
			.collect(Collectors.toSet());
		assertThat(scaled).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
		for (Map<String, Object> hpa : all("HorizontalPodAutoscaler")) {
			assertThat((String) at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
			assertThat((Integer) at(hpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2);
		}
		assertThat(all("PodDisruptionBudget")).hasSize(Repository.SERVICES.size());
	}

	@Test
	void settingsComeFromAConfigMapAndASecretTheServicesRead() {
		Map<String, String> config = at(one("ConfigMap", "healthstats-config"), "data");
		Map<String, String> secret = at(one("Secret", "healthstats-secrets"), "stringData");
		assertThat(config).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "AUTH_JWK_SET_URI", "AUTH_SERVER_URL");
		assertThat(secret.get("MONGODB_URI")).contains("replicaSet=");
		assertThat(config.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isIn("ecs", "logstash");

		Set<String> readByAny = new LinkedHashSet<>();
		Repository.SERVICES.forEach(service -> readByAny.addAll(Repository.environmentRead(service).keySet()));
		for (String key : union(config.keySet(), secret.keySet())) {
			assertThat(readByAny.contains(key) || BOOT_RELAXED.matcher(key).matches()).as(key + " is read by a service").isTrue();
		}
		for (String service : Repository.SERVICES) {
			Map<String, Object> container = container(one("Deployment", service));
			Set<String> given = new LinkedHashSet<>(environment(container).keySet());
			List<Map<String, Object>> sources = at(container, "envFrom");
			for (Map<String, Object> source : sources) {
				if (source.containsKey("configMapRef")) {
					assertThat((String) at(source, "configMapRef.name")).isEqualTo("healthstats-config");
					given.addAll(config.keySet());
				}
				if (source.containsKey("secretRef")) {
					assertThat((String) at(source, "secretRef.name")).isEqualTo("healthstats-secrets");
					given.addAll(secret.keySet());
				}
			}
			Repository.environmentRead(service).forEach((variable, defaultValue) -> {
				if (defaultValue != null && defaultValue.contains("localhost")) {
					assertThat(given).as(service + " must be given " + variable).contains(variable);
				}
			});
		}
	}

	@Test
	void kustomizeRendersTheBaseAndTheExistingClusterOverlay() {
		assumeTrue(KUBECTL.isPresent(), "kubectl not installed: manifests read from deploy/k8s/base without kustomize");
		for (Map<String, Object> resource : rendered) {
			if (!"Namespace".equals(resource.get("kind"))) {
				assertThat((String) at(resource, "metadata.namespace")).as((String) at(resource, "metadata.name")).isEqualTo("healthstats");
			}
		}
		List<Map<String, Object>> overlay = kustomize(KUBECTL.get(), "deploy/k8s/overlays/existing-cluster");
		Map<String, String> config = at(find(overlay, "ConfigMap", "healthstats-config").orElseThrow(), "data");
		assertThat(config.get("SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
		assertThat(find(overlay, "Secret", "healthstats-kafka-credentials")).isPresent();
		for (String service : List.of("indicator-service", "report-service", "export-service")) {
			assertThat((Object) at(container(find(overlay, "Deployment", service).orElseThrow()), "envFrom")).asString()
				.contains("healthstats-kafka-credentials");
		}
		assertThat((Object) at(container(find(overlay, "Deployment", "gateway").orElseThrow()), "envFrom")).asString()
			.doesNotContain("healthstats-kafka-credentials");
	}

	private static List<Map<String, Object>> kustomize(Tool kubectl, String directory) {
		Tool.Result result = kubectl.run(Repository.root(), "kustomize", directory);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return Repository.documents(result.output());
	}

	private static List<Map<String, Object>> baseFiles() {
		List<Map<String, Object>> documents = new ArrayList<>();
		List<String> resources = at(Repository.yaml("deploy/k8s/base/kustomization.yaml"), "resources");
		resources.forEach(file -> documents.addAll(Repository.documents(Repository.read("deploy/k8s/base/" + file))));
		return documents;
	}

	private static List<Map<String, Object>> all(String kind) {
		return rendered.stream().filter(r -> kind.equals(r.get("kind"))).toList();
	}

	private static Map<String, Object> one(String kind, String name) {
		return find(rendered, kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
	}

	private static Optional<Map<String, Object>> find(List<Map<String, Object>> resources, String kind, String name) {
		return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(at(r, "metadata.name"))).findFirst();
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = at(deployment, "spec.template.spec.containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> values = new HashMap<>();
		List<Map<String, Object>> env = at(container, "env");
		if (env != null) {
			env.forEach(entry -> values.put((String) entry.get("name"), String.valueOf(entry.get("value"))));
		}
		return values;
	}

	private static String applicationPortDefault(String service) {
		return Repository.environmentRead(service).get("PORT");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return all;
	}

}
