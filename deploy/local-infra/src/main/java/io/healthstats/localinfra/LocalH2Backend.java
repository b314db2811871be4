package io.healthstats.localinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend with its index keys compared as values.
 * <p>
 * The stock backend opens every unique index as an H2 map with H2's generic key type. Its keys
 * ({@link KeyValue}) are not {@link Comparable}, so that type Java-serializes <em>both</em> keys on
 * every comparison of every B-tree search: 73 % of the store's CPU while the indicator-service ingests
 * (profiled, see deploy/bench/README.md). Here the same maps compare keys element by element with the
 * server's own value order — the order a query expects — and store them exactly as before.
 * <p>
 * A file written by the stock backend holds its index trees in serialized-byte order, which the new
 * comparison cannot search: such a file's indexes are re-sorted once when it is opened, and the file
 * is marked so it never happens again.
 */
final class LocalH2Backend extends H2Backend {

	/** Outside {@code databases.*} and {@code meta.*}, the prefixes the backend reads as its own. */
	private static final String MARKER_MAP = "healthstats.store";

	private static final String KEY_ORDER = "index-key-order";

	private static final String BY_VALUE = "value";

	private static final String INDEX_MAP = "._index_";

	static final ObjectDataType KEYS = new KeyValueType();

	private LocalH2Backend(MVStore store) {
		super(store);
	}

	/**
	 * @param file the H2 file, created when missing
	 * @param cacheMegabytes H2's page cache (its default is 16 MB, small for a million cells)
	 */
	static LocalH2Backend open(String file, int cacheMegabytes) {
		MVStore store = new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes).open();
		try {
			sortIndexesByValue(store);
			return new LocalH2Backend(store);
		}
		catch (RuntimeException ex) {
			store.closeImmediately();
			throw ex;
		}
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return super.handleCommand(channel, database, LocalMongo.asked(command), query);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		MVStore store = getMvStore();
		return new H2Database(name, store, getCursorRegistry()) {
			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
					boolean sparse) {
				// The backend opens the map by name; an open map is returned as it is, so open it first with
				// the value-ordered key type (the name is the one H2Database gives an index map).
				store.openMap(getFullCollectionNamespace(collection) + INDEX_MAP + indexName, indexMap());
				return super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
			}
		};
	}

	private static MVMap.Builder<Object, Object> indexMap() {
		return new MVMap.Builder<Object, Object>().keyType(KEYS);
	}

	/** Re-sorts the index trees of a file the stock backend wrote (once), and marks the file. */
	private static void sortIndexesByValue(MVStore store) {
		MVMap<String, String> marker = store.openMap(MARKER_MAP);
		if (BY_VALUE.equals(marker.get(KEY_ORDER))) {
			return;
		}
		for (String name : List.copyOf(store.getMapNames())) {
			if (!name.contains(INDEX_MAP)) {
				continue;
			}
			MVMap<Object, Object> stock = store.openMap(name);
			List<Map.Entry<Object, Object>> entries = new ArrayList<>(stock.size());
			stock.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
			store.removeMap(stock);
			MVMap<Object, Object> sorted = store.openMap(name, indexMap());
			entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		}
		marker.put(KEY_ORDER, BY_VALUE);
		store.commit();
	}

	/**
	 * H2's generic type (same bytes on disk) with {@link KeyValue}s compared element by element in the
	 * server's value order; two keys the server's index treats as equal compare as 0.
	 */
	private static final class KeyValueType extends ObjectDataType {

		private static final ValueComparator VALUES = ValueComparator.asc();

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof KeyValue left && b instanceof KeyValue right) {
				int shared = Math.min(left.size(), right.size());
				for (int i = 0; i < shared; i++) {
					int c = VALUES.compare(left.get(i), right.get(i));
					if (c != 0) {
						return c;
					}
				}
				return Integer.compare(left.size(), right.size());
			}
			return super.compare(a, b);
		}

	}

}
