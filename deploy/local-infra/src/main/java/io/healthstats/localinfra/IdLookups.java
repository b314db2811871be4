package io.healthstats.localinfra;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Matches a lookup by keys — {@code {_id: {$in: [strings]}}} — with a set instead of mongo-java-server's
 * query matcher.
 *
 * <p>The server answers such a query from the {@code _id} index and then matches every document it found
 * against the whole query again: each listed key compared with the matcher's value normalization — 60 % of
 * the store's CPU when the indicator-service streams a million cells in lookups of 100 keys, growing with
 * the list. For a list of strings a document matches exactly when its {@code _id} is one of them, which a
 * hash set answers at once. Any other query — a list holding numbers or regular expressions, more fields —
 * goes to the server's matcher as before.
 *
 * <p>It also finds the document of a query by one string {@code _id} and more fields — {@code {_id, version}},
 * the optimistic replace of a cell — in the {@code _id} index ({@link #byStringId}). The server uses an
 * index only for a query on exactly the index's fields and scans the collection for any other.
 */
final class IdLookups {

	/** The last lookup this thread matched and its keys: a query's documents are matched one after another. */
	private final ThreadLocal<Map.Entry<Document, Set<Object>>> last = new ThreadLocal<>();

	/** Whether {@code document} matches {@code query}, or null when the query is not a lookup by string keys. */
	Boolean matches(Document document, Document query) {
		Map.Entry<Document, Set<Object>> cached = this.last.get();
		if (cached == null || cached.getKey() != query) {
			Set<Object> keys = keys(query);
			if (keys == null) {
				return null;
			}
			cached = Map.entry(query, keys);
			this.last.set(cached);
		}
		return cached.getValue().contains(document.get("_id"));
	}

	private static Set<Object> keys(Document query) {
		if (!Set.of("_id").equals(query.keySet()) || !(query.get("_id") instanceof Document condition)
				|| !Set.of("$in").equals(condition.keySet()) || !(condition.get("$in") instanceof Collection<?> keys)
				|| !keys.stream().allMatch(String.class::isInstance)) {
			return null;
		}
		return new HashSet<>(keys);
	}

	/**
	 * Where the one document a query by a string {@code _id} can match is: its position in the {@code _id}
	 * index (none when no document has that {@code _id}). The caller still matches the document against the
	 * whole query. Null when the query's {@code _id} is not a string (a condition, a number: the server's
	 * value order applies) or the collection has no {@code _id} index.
	 */
	static <P> Iterable<P> byStringId(List<Index<P>> indexes, Document query) {
		if (!(query.get("_id") instanceof String)) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index.isUnique() && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals("_id")) {
				P position = index.getPosition(query);
				return position == null ? List.of() : List.of(position);
			}
		}
		return null;
	}

}
