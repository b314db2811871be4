package io.healthstats.localinfra;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets a collection of the local store skip re-matching what a lookup by {@code _id} found.
 *
 * <p>mongo-java-server answers {@code {_id: {$in: [...]}}} from the {@code _id} index and then matches
 * every document it found against the whole query again: for each document, each listed key compared
 * with the value normalization of its query matcher — 60 % of the store's CPU when the
 * indicator-service streams a million cells in lookups of 100 keys, growing with the list. A document
 * the {@code _id} index found for a list of strings is a match by construction (its {@code _id} is one
 * of them, compared exactly), so for that query shape alone the check is skipped. Any other query — a
 * list holding numbers or regular expressions, more fields, no {@code _id} index — is matched as before.
 */
final class IdLookups {

	/** The query being answered from the {@code _id} index on this thread (collections are synchronized). */
	private final ThreadLocal<Document> trusted = new ThreadLocal<>();

	/** Runs {@code query} (the collection's own), trusting the index's answer when the query is a lookup by key. */
	<P> QueryResult query(Document query, List<Index<P>> indexes, Supplier<QueryResult> run) {
		if (!byKeys(query, indexes)) {
			return run.get();
		}
		this.trusted.set(query);
		try {
			return run.get();
		}
		finally {
			this.trusted.remove();
		}
	}

	/** Whether {@code query} is the lookup by key being answered, so {@code document} came from the index. */
	boolean found(Document query) {
		return query == this.trusted.get();
	}

	private static <P> boolean byKeys(Document query, List<Index<P>> indexes) {
		if (!Set.of("_id").equals(query.keySet()) || !(query.get("_id") instanceof Document condition)
				|| !Set.of("$in").equals(condition.keySet()) || !(condition.get("$in") instanceof Collection<?> keys)
				|| !keys.stream().allMatch(String.class::isInstance)) {
			return false;
		}
		// the collection answers from the first index that can handle the query: it must be _id's
		for (Index<P> index : indexes) {
			if (index.canHandle(query)) {
				return index.isUnique() && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals("_id");
			}
		}
		return false;
	}

}
