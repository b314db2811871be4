package io.healthstats.localinfra;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local platform's store on H2 files, whose index keys are compared as values (LocalH2Backend):
 * the unique indexes must behave as MongoDB's do, and a file the stock backend wrote must still work.
 */
class LocalMongoOnDiskTests {

	private static final int CELLS = 2_000;

	@TempDir
	Path data;

	@Test
	void findsEveryCellByKeyAndRefusesDuplicatesAcrossRestarts() {
		Path file = this.data.resolve("mongo/cells.mv.db");
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> cells = cells(client);
			cells.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
			cells.insertMany(cells(0, CELLS));
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertFindsEveryCell(cells(client));
		}
	}

	@Test
	void listsItsDatabasesWithoutLosingWhatTheyHold() {
		Path file = this.data.resolve("mongo/list.mv.db");
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("filled").getCollection("cells").insertMany(cells(0, 10));
			client.getDatabase("bare").createCollection("nothing");
			assertThat(client.listDatabaseNames()).contains("filled", "bare");
			// what Spring Boot's health check does on every probe; the store stays whole and writable
			client.listDatabases().forEach(db -> {
				if (db.getString("name").equals("filled")) {
					assertThat(db.getBoolean("empty")).isFalse();
				}
			});
			client.getDatabase("filled").getCollection("cells").insertMany(cells(10, 12));
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(client.listDatabaseNames()).contains("filled", "bare");
			assertThat(client.getDatabase("filled").getCollection("cells").countDocuments()).isEqualTo(12);
		}
	}

	@Test
	void aFileTheStockBackendWroteIsReadAndIndexedAsBefore() throws Exception {
		Path file = Files.createDirectories(this.data.resolve("mongo")).resolve("stock.mv.db");
		MongoServer stock = new MongoServer(new H2Backend(file.toString()));
		String address = "mongodb://" + stock.bind().getHostString() + ":" + stock.getLocalAddress().getPort();
		try (MongoClient client = MongoClients.create(address)) {
			MongoCollection<Document> cells = cells(client);
			cells.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
			cells.insertMany(cells(0, CELLS));
		}
		finally {
			stock.shutdown();
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertFindsEveryCell(cells(client));
			cells(client).insertMany(cells(CELLS, CELLS + 10));
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(cells(client).countDocuments(Filters.in("_id", List.of(key(5), key(CELLS + 5))))).isEqualTo(2);
		}
	}

	@Test
	void numbersThatAreEqualAreOneKeyAndKeysSortByValue() {
		try (LocalMongo mongo = LocalMongo.onDisk(this.data.resolve("mongo/n.mv.db"), 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> numbers = client.getDatabase("t").getCollection("numbers");
			numbers.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
			numbers.insertOne(new Document("_id", "a").append("n", 2));
			// 2.0 is the same number as 2 to MongoDB, so the unique index refuses it
			assertThatThrownBy(() -> numbers.insertOne(new Document("_id", "b").append("n", 2.0)))
				.isInstanceOf(MongoWriteException.class);
			// and so is 2 as a long
			assertThatThrownBy(() -> numbers.insertOne(new Document("_id", "b").append("n", 2L)))
				.isInstanceOf(MongoWriteException.class);
			numbers.insertOne(new Document("_id", "z").append("n", 0.0));
			assertThatThrownBy(() -> numbers.insertOne(new Document("_id", "b").append("n", -0.0)))
				.isInstanceOf(MongoWriteException.class);
			numbers.deleteOne(new Document("_id", "z"));
			numbers.insertOne(new Document("_id", "c").append("n", 10L));
			numbers.insertOne(new Document("_id", "d").append("n", -1.5));
			numbers.insertOne(new Document("_id", "e").append("n", 3_000_000_000L));
			numbers.insertOne(new Document("_id", "f").append("n", -3_000_000_000L));
			List<Object> sorted = new ArrayList<>();
			numbers.find().sort(Sorts.ascending("n")).forEach(d -> sorted.add(d.get("_id")));
			assertThat(sorted).containsExactly("f", "d", "a", "c", "e");
			assertThat(numbers.find(new Document("n", 3_000_000_000L)).first().get("_id")).isEqualTo("e");
		}
	}

	@Test
	void everyKindOfValueComesBackAsItWasStoredAfterARestart() {
		Path file = this.data.resolve("mongo/values.mv.db");
		Document stored = new Document("_id", new ObjectId()).append("name", "舒城县卫生健康委员会")
			.append("int", 42)
			.append("long", 9_876_543_210L)
			.append("double", 66.46)
			.append("decimal", new Decimal128(new BigDecimal("410.50")))
			.append("flag", true)
			.append("nothing", null)
			.append("at", new Date(1_732_000_000_000L))
			.append("bytes", new Binary(new byte[] { 0, 1, 2, (byte) 255 }))
			.append("list", List.of("202401", 3, new Document("n", 1)))
			.append("nested", new Document("reported", new Document("value", "434680").append("revision", 2)));
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("t").getCollection("values").insertOne(stored);
		}
		try (LocalMongo mongo = LocalMongo.onDisk(file, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document found = client.getDatabase("t").getCollection("values").find().first();
			assertThat(found).isEqualTo(stored);
			assertThat(found.get("int")).isInstanceOf(Integer.class);
			assertThat(found.get("long")).isInstanceOf(Long.class);
		}
	}

	private static void assertFindsEveryCell(MongoCollection<Document> cells) {
		for (int i = 0; i < CELLS; i += 97) {
			Document found = cells.find(Filters.eq("_id", key(i))).first();
			assertThat(found).as(key(i)).isNotNull();
			assertThat(found.getInteger("n")).isEqualTo(i);
		}
		assertThat(cells.find(new Document("_id", key(1234)).append("version", 1)).first()).isNotNull();
		assertThatThrownBy(() -> cells.insertOne(new Document("_id", key(7)).append("version", 2)))
			.isInstanceOf(MongoWriteException.class);
		assertThat(cells.countDocuments()).isEqualTo(CELLS);
	}

	private static MongoCollection<Document> cells(MongoClient client) {
		return client.getDatabase("indicator").getCollection("cells");
	}

	private static List<Document> cells(int from, int to) {
		List<Document> docs = new ArrayList<>();
		for (int i = from; i < to; i++) {
			docs.add(new Document("_id", key(i)).append("version", 1).append("n", i));
		}
		return docs;
	}

	/** Keys like the indicator-service's: their serialized bytes and their values sort differently. */
	private static String key(int i) {
		return "OUTPATIENT_VISITS|3415" + (i % 97) + "|" + (200001 + i);
	}

}
