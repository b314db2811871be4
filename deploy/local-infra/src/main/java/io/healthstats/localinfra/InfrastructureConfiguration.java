package io.healthstats.localinfra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one test-infrastructure configuration every service's integration tests and dev mode use.
 * With Docker: real {@code mongo} (single-node replica set) and {@code apache/kafka} (KRaft) via
 * Testcontainers. Without Docker: a real in-process KRaft broker and mongo-java-server in memory,
 * shared by every Spring context of the JVM. Tokens are verified with {@link TestTokens}' key.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureConfiguration {

	static final String MONGO_IMAGE = "mongo:8.0";
	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	MongoDBContainer mongoContainer() {
		return new MongoDBContainer(MONGO_IMAGE);
	}

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	KafkaContainer kafkaContainer() {
		return new KafkaContainer(KAFKA_IMAGE);
	}

	@Bean
	@Conditional(DockerMissing.class)
	DynamicPropertyRegistrar embeddedInfrastructure() {
		return registry -> {
			registry.add("spring.mongodb.uri", () -> EmbeddedInfrastructure.mongo().connectionString());
			registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedInfrastructure.kafka().bootstrapServers());
		};
	}

	@Bean
	@ConditionalOnWebApplication(type = Type.SERVLET)
	JwtDecoder testJwtDecoder() {
		return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
	}

	@Bean
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	ReactiveJwtDecoder testReactiveJwtDecoder() {
		return NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
	}

	static final class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return dockerAvailable();
		}

	}

	static final class DockerMissing implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !dockerAvailable();
		}

	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
