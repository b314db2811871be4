package io.healthstats.indicator;

import io.healthstats.localinfra.InfrastructureConfiguration;

import org.springframework.boot.SpringApplication;

/** Dev mode: the service on the same Kafka and MongoDB the integration tests use. */
public class TestIndicatorServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(IndicatorServiceApplication::main).with(InfrastructureConfiguration.class).run(args);
	}

}
