package io.healthstats.ops;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.healthstats.ops.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, parsed as Compose parses it (anchors and merge keys resolved): everything
 * starts in dependency order on health, the images come from this repository's jars, and every
 * service gets the settings its application.yml reads. ({@code docker compose config} itself runs in
 * {@link ComposeCliTests} where a Compose CLI is installed.)
 */
class ComposeFileTests {

	private static final Set<String> EXPECTED = Set.of("mongo", "kafka", "auth-server", "gateway", "report-service",
			"indicator-service", "export-service", "prometheus", "grafana");

	/** Spring Boot binds these from the environment without a placeholder in application.yml. */
	private static final Pattern BOOT_RELAXED = Pattern.compile("(LOGGING|MANAGEMENT|SPRING|SERVER|JAVA_TOOL)_.*");

	private final Map<String, Object> compose = Repository.yaml("docker-compose.yml");

	private final Map<String, Map<String, Object>> services = at(this.compose, "services");

	@Test
	void startsTheWholePlatform() {
		assertThat(this.services).containsOnlyKeys(EXPECTED);
	}

	@Test
	void everyContainerHasAHealthCheckAndWaitsForHealthyDependencies() {
		this.services.forEach((name, service) -> {
			assertThat((Object) at(service, "healthcheck.test")).as(name + " healthcheck").isNotNull();
			Map<String, Map<String, Object>> dependsOn = at(service, "depends_on");
			if (dependsOn != null) {
				dependsOn.forEach((dependency, condition) -> {
					assertThat(this.services).as(name + " depends on").containsKey(dependency);
					assertThat(condition).as(name + " → " + dependency).containsEntry("condition", "service_healthy");
				});
			}
		});
		assertThat(dependencies("gateway")).contains("indicator-service", "report-service", "export-service", "auth-server");
		for (String service : List.of("indicator-service", "report-service", "export-service")) {
			assertThat(dependencies(service)).as(service).contains("mongo", "kafka", "auth-server");
		}
	}

	@Test
	void imagesAreBuiltFromTheJarsOfThisRepository() {
		for (String name : List.of("gateway", "report-service", "indicator-service", "export-service", "auth-server")) {
			Map<String, Object> service = this.services.get(name);
			String dockerfile = at(service, "build.dockerfile");
			String jar = at(service, "build.args.JAR");
			assertThat(Files.isRegularFile(Repository.file(dockerfile))).as(name + " Dockerfile " + dockerfile).isTrue();
			String module = jar.substring(0, jar.indexOf("/target/"));
			assertThat(Files.isRegularFile(Repository.file(module + "/pom.xml"))).as(name + " module " + module).isTrue();
			assertThat(Repository.read("pom.xml")).as("root pom builds " + module).contains("<module>" + module + "</module>");
			assertThat((String) service.get("image")).startsWith("healthstats/" + name + ":");
			assertThat(String.valueOf((Object) at(service, "build.args.PORT"))).as(name + " port")
				.isEqualTo(String.valueOf(environment(name).getOrDefault("PORT", environment(name).get("AUTH_PORT"))));
		}
		assertThat(at(this.services.get("auth-server"), "command").toString()).contains("auth-server");
	}

	@Test
	void everyServiceGetsTheSettingsItsApplicationYmlReads() {
		for (String name : Repository.SERVICES) {
			Map<String, String> read = Repository.environmentRead(name);
			Map<String, String> given = environment(name);
			// nothing set that the service would ignore (a typo, a renamed variable)
			for (String variable : given.keySet()) {
				assertThat(read.containsKey(variable) || BOOT_RELAXED.matcher(variable).matches())
					.as(name + " reads " + variable + " (it reads " + read.keySet() + ")")
					.isTrue();
			}
			// every default that points at this machine is wrong in a container: it must be set
			read.forEach((variable, defaultValue) -> {
				if (defaultValue != null && defaultValue.contains("localhost")) {
					assertThat(given).as(name + " must set " + variable + " (default " + defaultValue + ")")
						.containsKey(variable);
				}
			});
			assertThat(given.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).as(name + " logs JSON").isIn("ecs", "logstash");
		}
	}

	@Test
	void servicesReachMongoAsAReplicaSetAndKafkaByItsInternalListener() {
		Map<String, Object> mongo = this.services.get("mongo");
		List<String> command = at(mongo, "command");
		String replicaSet = command.get(command.indexOf("--replSet") + 1);
		assertThat(at(mongo, "healthcheck.test").toString()).contains("rs.initiate").contains(replicaSet);

		Map<String, String> kafka = environment("kafka");
		assertThat((String) this.services.get("kafka").get("image")).startsWith("apache/kafka:4.1.");
		assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
		Set<String> advertised = new TreeSet<>();
		for (String listener : kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
			advertised.add(listener.substring(listener.indexOf("//") + 2));
		}
		for (String name : List.of("indicator-service", "report-service", "export-service")) {
			Map<String, String> env = environment(name);
			assertThat(env.get("MONGODB_URI")).as(name).startsWith("mongodb://mongo:").contains("replicaSet=" + replicaSet);
			assertThat(advertised).as(name + " bootstrap servers").contains(env.get("KAFKA_BOOTSTRAP_SERVERS"));
		}
	}

	@Test
	void tokensAreCheckedAgainstTheAuthorizationServerInsideTheNetwork() {
		String authPort = environment("auth-server").get("AUTH_PORT");
		for (String name : Repository.SERVICES) {
			assertThat(environment(name).get("AUTH_JWK_SET_URI")).as(name)
				.isEqualTo("http://auth-server:" + authPort + "/oauth2/jwks");
		}
		assertThat(environment("gateway").get("AUTH_SERVER_URL")).isEqualTo("http://auth-server:" + authPort);
		// tokens are fetched through the gateway, so they name it as their issuer
		assertThat(environment("auth-server").get("AUTH_ISSUER")).isEqualTo("http://localhost:8080");
	}

	@Test
	void serviceUrlsNameComposeServicesOnTheirPorts() {
		Pattern url = Pattern.compile("http://([a-z-]+):(\\d+)");
		for (String name : Repository.SERVICES) {
			environment(name).forEach((variable, value) -> {
				if (variable.endsWith("_SERVICE_URL")) {
					Matcher matcher = url.matcher(value);
					assertThat(matcher.matches()).as(variable + "=" + value).isTrue();
					assertThat(environment(matcher.group(1)).get("PORT")).as(variable).isEqualTo(matcher.group(2));
				}
			});
		}
	}

	@Test
	void prometheusAndGrafanaGetTheirConfigurationFromThisRepository() {
		for (String name : List.of("prometheus", "grafana")) {
			List<String> volumes = at(this.services.get(name), "volumes");
			volumes.stream().filter(volume -> volume.startsWith("./")).forEach(volume -> {
				String source = volume.substring(2, volume.indexOf(':'));
				assertThat(Files.isDirectory(Repository.file(source))).as(name + " mounts " + source).isTrue();
			});
		}
		assertThat(Files.isRegularFile(Repository.file("deploy/prometheus/prometheus.yml"))).isTrue();
	}

	@Test
	void publishedHostPortsDoNotCollide() {
		Set<String> seen = new TreeSet<>();
		this.services.forEach((name, service) -> {
			List<String> ports = at(service, "ports");
			if (ports != null) {
				for (String port : ports) {
					assertThat(seen.add(port.substring(0, port.indexOf(':')))).as(name + " host port " + port).isTrue();
				}
			}
		});
	}

	private Set<String> dependencies(String service) {
		Map<String, Object> dependsOn = at(this.services.get(service), "depends_on");
		return dependsOn == null ? Set.of() : dependsOn.keySet();
	}

	private Map<String, String> environment(String service) {
		Map<String, Object> environment = at(this.services.get(service), "environment");
		Map<String, String> values = new java.util.LinkedHashMap<>();
		if (environment != null) {
			environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
		}
		return values;
	}

}
