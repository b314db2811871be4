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

	/** Dropped when found: see {@link #create}. */
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
		// CellStore.save replaces a cell only at the version it read ({_id, version}), which MongoDB and the local
		// store both find by _id alone. Earlier builds kept a unique {_id, version} index for the local store
		// (which then used an index only for a filter on exactly its fields): one more index to write per cell.
		for (Document index : cells.listIndexes()) {
			if (BY_VERSION.equals(index.getString("name"))) {
				cells.dropIndex(BY_VERSION);
			}
		}
	}

}
