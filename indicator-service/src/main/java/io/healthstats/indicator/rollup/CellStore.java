package io.healthstats.indicator.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import io.healthstats.indicator.catalogue.Catalogue;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Cells in the {@code cells} collection under their composite {@code _id}
 * ({@code INDICATOR|REGION|PERIOD}), so every read is a lookup by key — the local store ignores
 * secondary indexes. Numbers are stored as decimal strings: exact in every store.
 */
@Component
public class CellStore {

	static final String COLLECTION = "cells";

	/** The roll-up of a cell's parts, saved with it (null when no part has data). */
	private static final String ROLLUP = "rollup";

	/**
	 * Keys per {@code $in} lookup ({@link #byKey}): each lookup has a fixed cost on both sides (the driver's
	 * command, reply and metrics; the store's request), so fewer, longer lists are cheaper — streaming a
	 * million cells cost the indicator-service 8.3 CPU-s at 25 keys and 5.2 at 100, and 250 saved nothing
	 * more. MongoDB answers it with one seek per key in the {@code _id} index; the local store does too, and
	 * matches what it found with a set instead of comparing each document with every listed key
	 * (local-infra's IdLookups; that comparison made lists longer than ~25 expensive before).
	 */
	static final int LOOKUP_BATCH = 100;

	/**
	 * The reported revision alone: what a bulk read needs. A top-level field, not its three numbers
	 * ({@code reported.value}, …): the local store splits every nested path of a projection with a regular
	 * expression for every document, half of its CPU in a streamed read; the source and time it returns
	 * on top are skipped by {@link ReportedFiguresCodec}.
	 */
	private static final Bson REPORTED_FIGURES = Projections.include("reported");

	private static final CodecRegistry FIGURES_CODECS = CodecRegistries.fromRegistries(
			CodecRegistries.fromCodecs(new ReportedFiguresCodec()), MongoClientSettings.getDefaultCodecRegistry());

	/** What a reader reads of a cell: neither its revision history nor its parts (their roll-up is saved with it). */
	private static final Bson VIEW = Projections.exclude("history", "parts");

	/** A cell saved before the roll-up of its parts was saved with it: read with its parts instead. */
	private static final Bson VIEW_WITH_PARTS = Projections.exclude("history");

	private final MongoTemplate mongo;

	private final Catalogue catalogue;

	CellStore(MongoTemplate mongo, Catalogue catalogue) {
		this.mongo = mongo;
		this.catalogue = catalogue;
	}

	/** The cells among {@code keys} that exist, whole: to change and save them. */
	public Map<String, Cell> load(Collection<String> keys) {
		return find(keys, null);
	}

	/**
	 * The cells among {@code keys} that exist as a reader sees them — the reported value and the roll-up of
	 * the parts as saved, without the revision history and the parts themselves: a city's month holds one
	 * part per county, a fraction of the bytes (and of the store's and this service's work per read).
	 * Cells saved before the roll-up was saved with them are read again with their parts.
	 */
	public Map<String, Cell> view(Collection<String> keys) {
		Map<String, Cell> cells = new HashMap<>();
		List<String> unsummarized = new ArrayList<>();
		byKey(collection(), List.copyOf(keys), VIEW, doc -> {
			if (doc.containsKey(ROLLUP)) {
				Cell cell = viewed(doc);
				cells.put(cell.key(), cell);
			}
			else {
				unsummarized.add(doc.getString("_id"));
			}
		});
		cells.putAll(find(unsummarized, VIEW_WITH_PARTS));
		return cells;
	}

	private Map<String, Cell> find(Collection<String> keys, Bson projection) {
		Map<String, Cell> cells = new HashMap<>();
		byKey(collection(), List.copyOf(keys), projection, doc -> {
			Cell cell = fromDocument(doc);
			cells.put(cell.key(), cell);
		});
		return cells;
	}

	/**
	 * The cells among {@code keys} that hold a reported value, in key order: looked up by {@code _id},
	 * which both the local store and MongoDB answer from the {@code _id} index, however big the collection.
	 * Only the reported revision is read (and the history when asked for), never the roll-up parts.
	 */
	public List<Cell> reportedAmong(Collection<String> keys, boolean history) {
		List<Cell> cells = new ArrayList<>();
		byKey(collection(), List.copyOf(keys), reportedOnly(history), doc -> {
			if (doc.get("reported") != null) {
				cells.add(fromDocument(doc));
			}
		});
		cells.sort(Comparator.comparing(Cell::key));
		return cells;
	}

	/**
	 * The reported numbers of the cells among {@code keys} that hold a reported value, in key order, as
	 * stored (exact decimal strings), reading only the reported revision's value, numerator and
	 * denominator, decoded straight into {@link ReportedFigures} (no intermediate document) — the read
	 * behind the streamed CSV of exports, where the store's and the driver's work per row is most of the cost.
	 */
	public List<ReportedFigures> reportedFiguresAmong(List<String> keys) {
		List<ReportedFigures> figures = new ArrayList<>(keys.size());
		MongoCollection<ReportedFigures> collection = this.mongo.getCollection(COLLECTION)
			.withDocumentClass(ReportedFigures.class)
			.withCodecRegistry(FIGURES_CODECS);
		byKey(collection, keys, REPORTED_FIGURES, row -> {
			if (row != ReportedFiguresCodec.NOT_REPORTED) {
				figures.add(row);
			}
		});
		// MongoDB answers an $in in index order as a rule, not by contract
		figures.sort(Comparator.comparing(ReportedFigures::key));
		return figures;
	}

	/**
	 * Every document among {@code keys}, looked up by {@code _id} alone (the local store uses its index
	 * only for a filter on exactly the index's fields) in {@code $in} lists of {@link #LOOKUP_BATCH}.
	 */
	private static <T> void byKey(MongoCollection<T> collection, List<String> keys, Bson projection, Consumer<T> each) {
		for (int from = 0; from < keys.size(); from += LOOKUP_BATCH) {
			List<String> batch = keys.subList(from, Math.min(keys.size(), from + LOOKUP_BATCH));
			collection.find(keyIn(batch)).projection(projection).forEach(each);
		}
	}

	/**
	 * {@code {_id: {$in: keys}}} as a BSON document: the same filter as {@code Filters.in}, which encodes
	 * each key through the codec registry — a sixth of this service's CPU in a streamed read.
	 */
	private static BsonDocument keyIn(List<String> keys) {
		BsonArray values = new BsonArray(new ArrayList<>(keys.size()));
		keys.forEach(key -> values.add(new BsonString(key)));
		return new BsonDocument("_id", new BsonDocument("$in", values));
	}

	/**
	 * The numbers reported for one key, exactly as stored.
	 * @param key {@code INDICATOR|REGION|PERIOD}
	 * @param numerator only for rates
	 * @param denominator only for rates
	 */
	public record ReportedFigures(String key, String value, String numerator, String denominator) {
	}

	/**
	 * Reads {@code {_id, reported: {value, numerator, denominator}}} into {@link ReportedFigures} with the
	 * BSON reader, skipping anything else; a cell without a reported revision (a roll-up only) decodes to
	 * {@link #NOT_REPORTED}. Read-only: never used to write.
	 */
	private static final class ReportedFiguresCodec implements Codec<ReportedFigures> {

		static final ReportedFigures NOT_REPORTED = new ReportedFigures(null, null, null, null);

		@Override
		public ReportedFigures decode(BsonReader reader, DecoderContext context) {
			String key = null;
			String value = null;
			String numerator = null;
			String denominator = null;
			boolean reported = false;
			reader.readStartDocument();
			while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
				String name = reader.readName();
				if (name.equals("_id") && reader.getCurrentBsonType() == BsonType.STRING) {
					key = reader.readString();
				}
				else if (name.equals("reported") && reader.getCurrentBsonType() == BsonType.DOCUMENT) {
					reader.readStartDocument();
					while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
						String field = reader.readName();
						// a projection of a null "reported" may come back as an empty document: only its fields count
						reported |= field.equals("value") || field.equals("numerator") || field.equals("denominator");
						switch (field) {
							case "value" -> value = string(reader);
							case "numerator" -> numerator = string(reader);
							case "denominator" -> denominator = string(reader);
							default -> reader.skipValue();
						}
					}
					reader.readEndDocument();
				}
				else {
					reader.skipValue();
				}
			}
			reader.readEndDocument();
			return reported && key != null ? new ReportedFigures(key, value, numerator, denominator) : NOT_REPORTED;
		}

		private static String string(BsonReader reader) {
			if (reader.getCurrentBsonType() == BsonType.STRING) {
				return reader.readString();
			}
			reader.skipValue();
			return null;
		}

		@Override
		public void encode(BsonWriter writer, ReportedFigures value, EncoderContext context) {
			throw new UnsupportedOperationException("ReportedFigures are read, never written");
		}

		@Override
		public Class<ReportedFigures> getEncoderClass() {
			return ReportedFigures.class;
		}

	}

	/**
	 * Up to {@code limit} reported cells with a key after {@code after} (null: from the start), in key
	 * order. MongoDB walks its {@code _id} index; the local store scans the collection.
	 * @param indicators the indicators to include; empty for all
	 * @param region exactly this region, or null
	 * @param regionPrefix regions whose code starts with this ("" for all)
	 * @param period exactly this period, or null
	 */
	public List<Cell> reportedAfter(String after, Collection<String> indicators, String region, String regionPrefix,
			String period, int limit, boolean history) {
		List<Bson> filters = new ArrayList<>();
		filters.add(Filters.ne("reported", null));
		if (after != null) {
			filters.add(Filters.gt("_id", after));
		}
		if (!indicators.isEmpty()) {
			filters.add(Filters.in("indicator", indicators));
		}
		if (region != null) {
			filters.add(Filters.eq("region", region));
		}
		if (!regionPrefix.isEmpty()) {
			filters.add(Filters.regex("region", "^" + regionPrefix));
		}
		if (period != null) {
			filters.add(Filters.eq("period", period));
		}
		List<Cell> cells = new ArrayList<>();
		for (Document doc : collection().find(Filters.and(filters))
			.projection(reportedOnly(history))
			.sort(Sorts.ascending("_id"))
			.limit(limit)) {
			cells.add(fromDocument(doc));
		}
		return cells;
	}

	private static Bson reportedOnly(boolean history) {
		return history ? Projections.include("indicator", "region", "period", "county", "reported", "history", "version")
				: Projections.include("indicator", "region", "period", "county", "reported", "version");
	}

	/**
	 * Writes changed cells, each only if nobody else changed it since it was read.
	 * @return false when another writer got there first (the caller retries with fresh cells)
	 */
	boolean save(Collection<Cell> cells) {
		if (cells.isEmpty()) {
			return true;
		}
		List<WriteModel<Document>> writes = new ArrayList<>();
		int updates = 0;
		for (Cell cell : cells) {
			Document doc = toDocument(cell);
			if (cell.version == 0) {
				writes.add(new InsertOneModel<>(doc));
			}
			else {
				// a flat {_id, version} filter, found in the _id index by MongoDB and by the local store (local-infra's
				// IdLookups); under $and (what Filters.and renders) the local store scans every cell for every replace
				writes.add(new ReplaceOneModel<>(new Document("_id", cell.key()).append("version", cell.version), doc));
				updates++;
			}
		}
		try {
			var result = collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
			return result.getMatchedCount() == updates;
		}
		catch (MongoBulkWriteException ex) {
			return false;
		}
	}

	void deleteAll() {
		collection().deleteMany(new Document());
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	private Document toDocument(Cell cell) {
		Document parts = new Document();
		cell.parts.forEach((key, figures) -> parts.append(key, figures(figures)));
		Figures rollup = cell.rolledUp(this.catalogue.get(cell.indicator));
		return new Document("_id", cell.key()).append("indicator", cell.indicator)
			.append("region", cell.region)
			.append("period", cell.period)
			.append("county", cell.county)
			.append("reported", cell.reported == null ? null : revision(cell.reported))
			.append("history", cell.history.stream().map(CellStore::revision).toList())
			.append("parts", parts)
			.append(ROLLUP, rollup == null ? null : figures(rollup))
			.append("version", cell.version + 1);
	}

	private static Cell viewed(Document doc) {
		Document reported = doc.get("reported", Document.class);
		Document rollup = doc.get(ROLLUP, Document.class);
		Number version = doc.get("version", Number.class);
		return Cell.viewed(doc.getString("indicator"), doc.getString("region"), doc.getString("period"),
				Boolean.TRUE.equals(doc.getBoolean("county")), reported == null ? null : revision(reported),
				rollup == null ? null : figures(rollup), version == null ? 1 : version.longValue());
	}

	static Cell fromDocument(Document doc) {
		Map<String, Figures> parts = new LinkedHashMap<>();
		Document partsDoc = doc.get("parts", Document.class);
		if (partsDoc != null) {
			partsDoc.forEach((key, value) -> parts.put(key, figures((Document) value)));
		}
		List<Revision> history = doc.getList("history", Document.class, List.of()).stream().map(CellStore::revision).toList();
		Document reported = doc.get("reported", Document.class);
		Number version = doc.get("version", Number.class);
		return new Cell(doc.getString("indicator"), doc.getString("region"), doc.getString("period"),
				Boolean.TRUE.equals(doc.getBoolean("county")), reported == null ? null : revision(reported), history, parts,
				version == null ? 1 : version.longValue());
	}

	private static Document figures(Figures f) {
		Document figures = new Document();
		present(figures, "value", str(f.value()));
		present(figures, "numerator", str(f.numerator()));
		present(figures, "denominator", str(f.denominator()));
		return figures.append("contributors", f.contributors());
	}

	private static Figures figures(Document d) {
		return new Figures(dec(d.getString("value")), dec(d.getString("numerator")), dec(d.getString("denominator")),
				d.getInteger("contributors", 0));
	}

	private static Document revision(Revision r) {
		Document revision = new Document("revision", r.revision());
		present(revision, "value", str(r.value()));
		present(revision, "numerator", str(r.numerator()));
		present(revision, "denominator", str(r.denominator()));
		return revision.append("source", source(r.source()))
			.append("recordedAt", Date.from(r.recordedAt()))
			.append("flagged", r.flagged());
	}

	private static Revision revision(Document d) {
		return new Revision(d.getInteger("revision"), dec(d.getString("value")), dec(d.getString("numerator")),
				dec(d.getString("denominator")), source(d.get("source", Document.class)), d.getDate("recordedAt").toInstant(),
				Boolean.TRUE.equals(d.getBoolean("flagged")));
	}

	static Document source(Source s) {
		if (s == null) {
			return null;
		}
		Document source = new Document("type", s.type()).append("id", s.id());
		present(source, "text", s.text());
		present(source, "start", s.start());
		present(source, "end", s.end());
		return source;
	}

	/**
	 * Adds a nested field only when it has a value: it reads back as null when missing. Most figures have no
	 * numerator and denominator (counts and stocks) and most sources no text span (rows sent through the API).
	 * Their nulls were a sixth of a county month's cell (514 bytes of BSON, 430 without) and almost a third of
	 * a city's month with its 31 parts (2,483, 1,715 without), written, read and compared by the store for every
	 * cell of a batch, and a fifth of each write in an outbox intent.
	 */
	static void present(Document document, String name, Object value) {
		if (value != null) {
			document.append(name, value);
		}
	}

	static Source source(Document s) {
		return s == null ? null
				: new Source(s.getString("type"), s.getString("id"), s.getString("text"), s.getInteger("start"),
						s.getInteger("end"));
	}

	static String str(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	static BigDecimal dec(String value) {
		return value == null ? null : new BigDecimal(value);
	}

}
