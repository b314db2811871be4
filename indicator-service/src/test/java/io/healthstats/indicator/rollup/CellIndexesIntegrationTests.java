package io.healthstats.indicator.rollup;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.healthstats.localinfra.InfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing's secondary indexes are asked for at start, and asking again (another replica) is harmless;
 * a cell is saved only over the version it was read at, with no index but {@code _id}'s.
 */
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
		assertThat(indexNames()).contains(CellIndexes.BY_INDICATOR, CellIndexes.BY_REGION)
			.doesNotContain(CellIndexes.BY_VERSION);
	}

	@Test
	void dropsTheVersionIndexOfEarlierBuilds() {
		this.mongo.getCollection(CellStore.COLLECTION)
			.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().name(CellIndexes.BY_VERSION).unique(true));
		assertThat(indexNames()).contains(CellIndexes.BY_VERSION);
		this.indexes.create();
		assertThat(indexNames()).contains(CellIndexes.BY_INDICATOR).doesNotContain(CellIndexes.BY_VERSION);
	}

	private List<String> indexNames() {
		List<String> names = new ArrayList<>();
		this.mongo.getCollection(CellStore.COLLECTION).listIndexes().forEach(index -> names.add(index.getString("name")));
		return names;
	}

	@Autowired
	CellStore store;

	@Test
	void aCopyReadBeforeSomeoneElseSavedIsRefused() {
		this.indexes.create();
		String key = Cell.key("BIRTHS", "341523", "203001");
		this.mongo.getCollection(CellStore.COLLECTION).deleteOne(new org.bson.Document("_id", key));
		Cell created = Cell.empty("BIRTHS", "341523", "203001", true);
		assertThat(this.store.save(List.of(created))).isTrue();

		Cell mine = this.store.load(List.of(key)).get(key);
		Cell theirs = this.store.load(List.of(key)).get(key);
		theirs.parts.put("202912", new Figures(java.math.BigDecimal.TEN, null, null, 1));
		assertThat(this.store.save(List.of(theirs))).isTrue();
		mine.parts.put("202912", new Figures(java.math.BigDecimal.ONE, null, null, 1));

		assertThat(this.store.save(List.of(mine))).as("a save over a newer version").isFalse();
		Cell stored = this.store.load(List.of(key)).get(key);
		assertThat(stored.parts.get("202912").value()).isEqualByComparingTo("10");
		assertThat(stored.version).isEqualTo(2);
	}

}
