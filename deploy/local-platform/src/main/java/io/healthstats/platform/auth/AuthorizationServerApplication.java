package io.healthstats.platform.auth;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform's OAuth2 authorization server (client credentials only). Runs inside the local
 * launcher, or on its own ({@code java -jar local-platform.jar auth-server}, e.g. for docker-compose).
 */
// The launcher's class path also carries Kafka and MongoDB (for the in-process infrastructure);
// the authorization server uses neither, so it must not try to connect to them.
@SpringBootApplication(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration" })
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuthorizationServerApplication.class, args);
	}

	/**
	 * Starts the server inside the launcher's JVM. The launcher closes the returned context itself,
	 * in its own shutdown order, so Spring must not register a second shutdown hook.
	 * @param properties overrides such as {@code server.port} or {@code platform.auth.key-file}
	 */
	public static ConfigurableApplicationContext startEmbedded(Map<String, Object> properties) {
		// As command-line arguments: "default properties" would lose against application.yml.
		String[] args = properties.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(AuthorizationServerApplication.class).registerShutdownHook(false).run(args);
	}

}
