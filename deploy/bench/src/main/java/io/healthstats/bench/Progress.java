package io.healthstats.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * What the indicator bench has loaded so far, kept beside the data (database {@code bench} on the
 * platform's MongoDB server), so a stopped load resumes where it was — re-sending a batch would be
 * harmless anyway: the same rows twice change nothing.
 *
 * @param baseRows observations that were there before the bench (the demo data)
 * @param benchRows rows of the {@link Dataset} posted so far (rows 0 … benchRows-1)
 * @param answers SHA-256 of each measured read's answer at the first size measured
 * @param answersAt the number of stored observations those answers were taken at
 */
record Progress(long baseRows, long benchRows, Map<String, String> answers, long answersAt) {

	private static final String ID = "indicator-bench";

	static Progress load(MongoClient mongo) {
		Document doc = collection(mongo).find(Filters.eq("_id", ID)).first();
		if (doc == null) {
			// observations are the cells holding a reported value; before the bench only the demo data
			long base = mongo.getDatabase("indicator").getCollection("cells").countDocuments(Filters.ne("reported", null));
			Progress fresh = new Progress(base, 0, Map.of(), 0);
			fresh.save(mongo);
			return fresh;
		}
		Map<String, String> answers = new LinkedHashMap<>();
		Document stored = doc.get("answers", Document.class);
		if (stored != null) {
			stored.forEach((query, hash) -> answers.put(query.replace('\u2024', '.'), (String) hash));
		}
		return new Progress(doc.get("baseRows", Number.class).longValue(), doc.get("benchRows", Number.class).longValue(),
				answers, doc.get("answersAt", 0L));
	}

	long stored() {
		return this.baseRows + this.benchRows;
	}

	Progress loaded(long rows) {
		return new Progress(this.baseRows, rows, this.answers, this.answersAt);
	}

	Progress withAnswers(Map<String, String> answers, long at) {
		return new Progress(this.baseRows, this.benchRows, Map.copyOf(answers), at);
	}

	void save(MongoClient mongo) {
		Document answers = new Document();
		// field names may not contain dots
		this.answers.forEach((query, hash) -> answers.append(query.replace('.', '\u2024'), hash));
		collection(mongo).replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("baseRows", this.baseRows)
			.append("benchRows", this.benchRows)
			.append("answers", answers)
			.append("answersAt", this.answersAt), new ReplaceOptions().upsert(true));
	}

	private static MongoCollection<Document> collection(MongoClient mongo) {
		return mongo.getDatabase("bench").getCollection("progress");
	}

}
