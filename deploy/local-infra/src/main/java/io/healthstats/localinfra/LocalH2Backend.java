package io.healthstats.localinfra;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend, made fast enough for the local platform without changing what it stores.
 * <p>
 * The stock backend opens its maps with H2's generic data type. Index keys ({@link KeyValue}) are not
 * {@link Comparable}, so that type Java-serializes <em>both</em> keys on every comparison of every B-tree
 * search — 73 % of the store's CPU while the indicator-service ingests (profiled, see
 * deploy/bench/README.md) — and it Java-serializes every document and key it writes to a page. Here the
 * same maps compare keys element by element in the server's own value order (the order a query
 * expects) and write documents and keys as BSON; values written before are still read as they were.
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

	private static final String DATA_MAP = "databases.";

	private static final String META_MAP = "meta.";

	private static final ObjectDataType BSON = new BsonObjectType();

	private LocalH2Backend(MVStore store) {
		super(store);
	}

	/**
	 * @param file the H2 file, created when missing
	 * @param cacheMegabytes H2's page cache (its default is 16 MB, small for a million cells)
	 */
	static LocalH2Backend open(String file, int cacheMegabytes) {
		// H2 writes a changed page whole (copy on write) when 1 MB of changes are pending; 16 MB lets a page
		// changed by several writes of an ingest batch be written once (still at least once a second).
		// No compaction in the background: H2 2.x can then move a chunk an open cursor still reads ("Chunk 389
		// not found", h2database#4383), which made a large local store fail to open now and then. Space of
		// chunks that hold nothing live any more is still reused.
		MVStore store = new MVStore.Builder().fileName(file)
			.cacheSize(cacheMegabytes)
			.autoCommitBufferSize(16 * 1024)
			.autoCompactFillRate(0)
			.open();
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
		if ("admin".equals(database) && "listDatabases".equalsIgnoreCase(command)) {
			return listDatabases();
		}
		return super.handleCommand(channel, database, LocalMongo.asked(command), query);
	}

	/**
	 * {@code listDatabases} from the databases this backend keeps open. mongo-java-server answers it by
	 * opening every database anew, which on H2 files re-reads every collection and rebuilds indexes: half a
	 * second per call with 60,000 cells, growing with the data. Spring Boot's MongoDB health check sends it on
	 * every probe, so a restarted local platform with a sizeable store kept its services unhealthy for
	 * minutes (three probes at a time, each re-reading the store).
	 */
	private Document listDatabases() {
		List<Document> databases = listDatabaseNames().stream()
			.sorted()
			.map(name -> new Document("name", name).append("empty", resolveDatabase(name).isEmpty()))
			.toList();
		Document response = new Document("databases", databases);
		Utils.markOkay(response);
		return response;
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

			/**
			 * mongo-java-server ignores secondary indexes (queries on their fields scan), but its stand-in for
			 * one reports itself empty, so each time a database was opened the collection was read through
			 * twice to "build" it: minutes for a million cells, at every start of the platform.
			 */
			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
					boolean sparse) {
				return new EmptyIndex<>(indexName, keys) {
					@Override
					public boolean isEmpty() {
						return false;
					}
				};
			}

			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
				// what H2Database does, with documents stored as BSON and lookups by key matched with a set (IdLookups)
				String name = getFullCollectionNamespace(collection);
				MVMap<Object, Document> data = store.openMap(DATA_MAP + name, new MVMap.Builder<Object, Document>().valueType(BSON));
				MVMap<String, Object> meta = store.openMap(META_MAP + name);
				IdLookups lookups = new IdLookups();
				return new H2Collection(this, collection, options, data, meta, this.cursorRegistry) {
					@Override
					protected boolean documentMatchesQuery(Document document, Document query) {
						Boolean found = lookups.matches(document, query);
						return found != null ? found : super.documentMatchesQuery(document, query);
					}

					@Override
					protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
							int batchSize, Document fields) {
						Iterable<Object> found = IdLookups.byStringId(getIndexes(), query);
						return found != null ? matchDocuments(query, found, orderBy, skip, limit, batchSize, fields)
								: super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
					}

					@Override
					protected boolean tracksDataSize() {
						return LocalMongo.TRACKS_DATA_SIZE;
					}
				};
			}
		};
	}

	private static MVMap.Builder<Object, Object> indexMap() {
		return new MVMap.Builder<Object, Object>().keyType(BSON);
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
	 * H2's generic type, with documents and index keys written as BSON behind tags of their own (ones H2's
	 * type does not use) and index keys ({@link KeyValue}) compared element by element in the server's
	 * value order, so two keys the server's index treats as equal compare as 0. Anything else, and
	 * anything written before, is read and written as H2 does.
	 */
	static final class BsonObjectType extends ObjectDataType {

		/** Free in H2's tag space (0–19 types, 32–49, 64–119 compact forms). */
		private static final byte DOCUMENT = 120;

		private static final byte KEY = 121;

		private static final ValueComparator VALUES = ValueComparator.asc();

		/** Encodes one value at a time (H2 serializes a chunk's pages on one thread, reads on any). */
		private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

		/** A buffer a very large document grew is dropped after use, not kept per thread. */
		private static final int LARGEST_KEPT_BUFFER = 1 << 20;

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof KeyValue left && b instanceof KeyValue right) {
				int shared = Math.min(left.size(), right.size());
				for (int i = 0; i < shared; i++) {
					int c = compareValues(left.get(i), right.get(i));
					if (c != 0) {
						return c;
					}
				}
				return Integer.compare(left.size(), right.size());
			}
			return super.compare(a, b);
		}

		/**
		 * The server's value order, answered directly for two strings or two doubles (index keys hold every
		 * number as a double, ints and longs too): what the server's comparator ends with for them, after
		 * checks for lists, MinKey, null, type order and a number normalization that boxes a new Integer per
		 * comparison — a sixth of the store's CPU in B-tree searches of index keys while ingesting.
		 */
		private static int compareValues(Object a, Object b) {
			if (a instanceof String left && b instanceof String right) {
				return left.compareTo(right);
			}
			// -0.0 equals 0.0 as in the server's order; NaN goes the long way
			if (a instanceof Double left && b instanceof Double right && !left.isNaN() && !right.isNaN()) {
				return left < right ? -1 : (left > right ? 1 : 0);
			}
			return VALUES.compare(a, b);
		}

		/**
		 * Roughly the heap a document or index key takes (a string's object and array, a map entry, a boxed
		 * number), which is what H2 sizes its page cache by, and also its pages (split above 16 KB) and its
		 * commits (every 16 MB of changes). The generic type counts any value it does not serialize itself
		 * as 10,000 bytes, so every document and index key was taken for 10 KB: index pages of one or two
		 * keys, index trees ten levels deep, a commit every 1,600 changes. Counting documents by their much
		 * smaller encoded size instead let the 128 MB cache hold gigabytes of heap: Serial GC pauses of
		 * 2–5 s in the launcher with a million cells.
		 */
		@Override
		public int getMemory(Object obj) {
			if (obj instanceof Document || obj instanceof KeyValue) {
				return estimate(obj);
			}
			return super.getMemory(obj);
		}

		private static int estimate(Object value) {
			if (value instanceof String text) {
				return 40 + text.length();
			}
			if (value instanceof Map<?, ?> document) {
				int size = 100;
				for (Map.Entry<?, ?> entry : document.entrySet()) {
					size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
				}
				return size;
			}
			if (value instanceof Iterable<?> elements) {
				int size = 40;
				for (Object element : elements) {
					size += 8 + estimate(element);
				}
				return size;
			}
			return 24;
		}

		@Override
		public void write(WriteBuffer buff, Object obj) {
			if (obj instanceof Document document && writeBson(buff, DOCUMENT, document)) {
				return;
			}
			if (obj instanceof KeyValue key) {
				Document elements = new Document();
				for (int i = 0; i < key.size(); i++) {
					elements.put(Integer.toString(i), key.get(i));
				}
				if (writeBson(buff, KEY, elements)) {
					return;
				}
			}
			super.write(buff, obj);
		}

		/** @return false when a value cannot be BSON (then nothing was written) */
		private static boolean writeBson(WriteBuffer buff, byte tag, Document document) {
			ByteBuf bson = BUFFER.get().clear();
			try {
				BsonEncoder.encodeDocument(document, bson);
				buff.put(tag);
				buff.put(bson.nioBuffer());
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
			finally {
				if (bson.capacity() > LARGEST_KEPT_BUFFER) {
					BUFFER.remove();
				}
			}
		}

		@Override
		public Object read(ByteBuffer buff) {
			byte tag = buff.get(buff.position());
			if (tag != DOCUMENT && tag != KEY) {
				return super.read(buff);
			}
			buff.get();
			ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
			Document document = BsonDecoder.decodeBson(bson);
			buff.position(buff.position() + bson.readerIndex());
			return tag == DOCUMENT ? document : new KeyValue(document.values());
		}

	}

}
