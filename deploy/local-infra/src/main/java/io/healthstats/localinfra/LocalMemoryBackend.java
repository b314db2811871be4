package io.healthstats.localinfra;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** mongo-java-server's in-memory backend (tests, benches) with the local store's fixes ({@link IdLookups}, no data size). */
final class LocalMemoryBackend extends MemoryBackend {

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return super.handleCommand(channel, database, LocalMongo.asked(command), query);
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String name) {
		return new MemoryDatabase(name, getCursorRegistry()) {
			@Override
			protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
				IdLookups lookups = new IdLookups();
				return new MemoryCollection(this, collection, options, this.cursorRegistry) {
					@Override
					protected boolean documentMatchesQuery(Document document, Document query) {
						Boolean found = lookups.matches(document, query);
						return found != null ? found : super.documentMatchesQuery(document, query);
					}

					@Override
					protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
							int batchSize, Document fields) {
						Iterable<Integer> found = IdLookups.byStringId(getIndexes(), query);
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

}
