package io.healthstats.export;

import java.time.Duration;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole export-service on the shared in-process Kafka broker and MongoDB-wire server, reading
 * from {@link UpstreamStub} in place of the authorization server, indicator- and report-service.
 * Observations come as one streamed CSV; where a test takes it away, in pages of three rows, so paging
 * is exercised too. The sweeps run every 300 ms.
 * All subclasses share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
abstract class ExportIntegrationTest {

	static final UpstreamStub UPSTREAM = new UpstreamStub();

	static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	ExportApi api;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("export.upstream.indicator-service", () -> UPSTREAM.uri().toString());
		registry.add("export.upstream.report-service", () -> UPSTREAM.uri().toString());
		registry.add("spring.security.oauth2.client.provider.platform.token-uri", () -> UPSTREAM.uri() + "/oauth2/token");
		registry.add("export.upstream.page-size", () -> "3");
		registry.add("export.jobs.sweep-interval", () -> "300ms");
		registry.add("export.jobs.cleanup-interval", () -> "300ms");
		registry.add("export.events.sweep-interval", () -> "300ms");
	}

	@BeforeEach
	void resetUpstream() {
		UPSTREAM.clear();
		this.api = new ExportApi(this.mvc, this.json);
	}

	long jobCount() {
		return this.mongo.getCollection("export_jobs").countDocuments();
	}

}
