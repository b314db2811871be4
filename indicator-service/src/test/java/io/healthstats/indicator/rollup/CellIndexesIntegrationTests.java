package io.healthstats.indicator.rollup;

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

/** The listing's secondary indexes are asked for at start, and asking again (another replica) is harmless. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class CellIndexesIntegrationTests {

	@Autowired
	CellIndexes indexes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void createsTheListingIndexesIdempotently() {
		// other tests drop the collection (and its indexes) to start from nothing
		this.indexes.create();
		this.indexes.create();
		List<String> names = new ArrayList<>();
		this.mongo.getCollection(CellStore.COLLECTION).listIndexes().forEach(index -> names.add(index.getString("name")));
		assertThat(names).contains(CellIndexes.BY_INDICATOR, CellIndexes.BY_REGION);
	}

}
