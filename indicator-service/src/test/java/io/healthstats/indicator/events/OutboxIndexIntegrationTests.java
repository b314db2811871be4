package io.healthstats.indicator.events;

import java.util.ArrayList;
import java.util.List;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's age lookup has its index on a real MongoDB. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class OutboxIndexIntegrationTests {

	@Autowired
	OutboxMetrics metrics;

	@Autowired
	MongoTemplate mongo;

	@Test
	void indexesTheOutboxByCreationTime() {
		this.metrics.createIndex();
		List<String> names = new ArrayList<>();
		this.mongo.getCollection(Outbox.COLLECTION).listIndexes().forEach(index -> names.add(index.getString("name")));
		assertThat(names).contains("createdAt");
	}

}
