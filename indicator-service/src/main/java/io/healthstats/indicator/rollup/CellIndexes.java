package io.healthstats.indicator.rollup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Secondary indexes of the {@code cells} collection for the raw observation listing
 * ({@link CellStore#reported}, which filters by indicator, region or region prefix, and period; every
 * other read is a lookup by {@code _id}). A real MongoDB uses them; mongo-java-server ignores
 * non-unique indexes and scans, which is fine for a local data set. Creating an index that exists is a
 * no-op, so every replica may do it at start.
 */
@Component
class CellIndexes {

	static final String BY_INDICATOR = "indicator_region_period";

	static final String BY_REGION = "region_period";

	static final String BY_VERSION = "id_version";

	private final MongoTemplate mongo;

	CellIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		MongoCollection<Document> cells = this.mongo.getCollection(CellStore.COLLECTION);
		// indicator (one or a few) first, then the region or its prefix, then the period
		cells.createIndex(Indexes.ascending("indicator", "region", "period"), new IndexOptions().name(BY_INDICATOR));
		// everything of one region (or subtree), e.g. for a county's data check
		cells.createIndex(Indexes.ascending("region", "period"), new IndexOptions().name(BY_REGION));
		// CellStore.save replaces a cell only at the version it read ({_id, version}). A real MongoDB finds it
		// by _id alone; mongo-java-server uses an index only for a filter on exactly its fields and would
		// scan every cell for every replace (the whole store for each of ~1,700 cells a batch writes).
		cells.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().name(BY_VERSION).unique(true));
	}

}
