package io.healthstats.report;

import io.healthstats.localinfra.InfrastructureConfiguration;

import org.springframework.boot.SpringApplication;

/** Dev mode: the service on the same Kafka and MongoDB the integration tests use. */
public class TestReportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(ReportServiceApplication::main).with(InfrastructureConfiguration.class).run(args);
	}

}
