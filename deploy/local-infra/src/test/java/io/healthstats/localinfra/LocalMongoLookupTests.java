package io.healthstats.localinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both local stores match a lookup by keys ({@code _id $in} strings) with a set (IdLookups): the answers must
 * be exactly MongoDB's, and every other query shape must still go through the full matcher.
 */
class LocalMongoLookupTests {

	@TempDir
	Path data;

	@ParameterizedTest
	@ValueSource(strings = { "memory", "disk" })
	void aLookupByKeysFindsExactlyTheKeysThatExist(String store) {
		try (LocalMongo mongo = open(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> cells = cells(client);
			List<Document> found = cells.find(Filters.in("_id", List.of("K|007", "K|missing", "K|003", "K|3")))
				.projection(Projections.include("reported"))
				.into(new ArrayList<>());
			assertThat(found).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("K|007", "K|003");
			assertThat(found).allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "reported"));
			assertThat(found).extracting(d -> d.get("reported", Document.class).getString("value"))
				.containsExactlyInAnyOrder("7", "3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "disk" })
	void anyOtherQueryIsStillMatchedInFull(String store) {
		try (LocalMongo mongo = open(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> cells = cells(client);
			List<String> keys = List.of("K|001", "K|002", "K|003", "K|004");
			// more than the key: only the keys whose document also has an even number
			assertThat(ids(() -> cells.find(Filters.and(Filters.in("_id", keys), Filters.eq("even", true)))))
				.containsExactlyInAnyOrder("K|002", "K|004");
			// a number among the keys: the full matcher, which compares values the way MongoDB does
			assertThat(ids(() -> cells.find(Filters.in("_id", List.of(5, "K|005"))))).containsExactly("K|005");
			assertThat(cells.countDocuments(Filters.in("_id", List.of(1.0, 1L)))).isZero();
			// a lookup by key after a document changed finds it as it is now
			cells.updateOne(Filters.eq("_id", "K|006"), new Document("$set", new Document("even", false)));
			assertThat(cells.find(Filters.in("_id", List.of("K|006"))).first().getBoolean("even")).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "disk" })
	void aQueryByOneKeyAndMoreFieldsMatchesAllOfThem(String store) {
		try (LocalMongo mongo = open(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> cells = cells(client);
			// found in the _id index, then matched in full: the other fields still decide
			assertThat(ids(() -> cells.find(new Document("_id", "K|002").append("even", true)))).containsExactly("K|002");
			assertThat(ids(() -> cells.find(new Document("_id", "K|001").append("even", true)))).isEmpty();
			assertThat(ids(() -> cells.find(new Document("_id", "K|missing").append("even", true)))).isEmpty();
			// an optimistic replace: only at the version read
			Document next = new Document("_id", "K|004").append("even", true).append("version", 2);
			assertThat(cells.replaceOne(new Document("_id", "K|004").append("even", false), next).getMatchedCount()).isZero();
			assertThat(cells.replaceOne(new Document("_id", "K|004").append("even", true), next).getMatchedCount()).isOne();
			assertThat(cells.find(new Document("_id", "K|004")).first().getInteger("version")).isEqualTo(2);
			// an _id that is not a string goes through the server's value order: 5 is not "K|005"
			assertThat(cells.countDocuments(new Document("_id", 5).append("even", false))).isZero();
		}
	}

	private LocalMongo open(String store) {
		return store.equals("memory") ? LocalMongo.inMemory() : LocalMongo.onDisk(this.data.resolve("mongo/lookups.mv.db"), 0);
	}

	private static MongoCollection<Document> cells(MongoClient client) {
		MongoCollection<Document> cells = client.getDatabase("lookups").getCollection("cells");
		List<Document> docs = new ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			docs.add(new Document("_id", String.format("K|%03d", i)).append("even", i % 2 == 0)
				.append("reported", new Document("value", Integer.toString(i)).append("source", "bench")));
		}
		cells.insertMany(docs);
		return cells;
	}

	private static List<String> ids(Supplier<Iterable<Document>> query) {
		List<String> ids = new ArrayList<>();
		query.get().forEach(d -> ids.add(d.getString("_id")));
		return ids;
	}

}
