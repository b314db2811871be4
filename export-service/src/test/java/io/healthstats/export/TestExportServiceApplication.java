package io.healthstats.export;

import io.healthstats.localinfra.InfrastructureConfiguration;

import org.springframework.boot.SpringApplication;

/** Dev mode: the service on the same Kafka and MongoDB the integration tests use. */
public class TestExportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(ExportServiceApplication::main).with(InfrastructureConfiguration.class).run(args);
	}

}
