package io.healthstats.report.document;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reports and their saved versions in MongoDB. Writes never need a transaction: a change replaces
 * the whole report only while its {@code seq} is still the one the writer read, and every write
 * can be repeated with the same result.
 */
@Component
public class ReportStore {

	private final MongoTemplate mongo;

	ReportStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<ReportDocument> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ReportDocument.class));
	}

	/**
	 * Makes {@code next} the current state of its report, unless another change came first.
	 * Idempotent: applying a change a second time (after a crash, from the outbox) changes nothing.
	 * @return whether the report now contains the change
	 */
	public boolean apply(ReportDocument next) {
		HistoryEntry change = next.lastChange();
		if (next.seq() == 1) {
			try {
				this.mongo.insert(next);
			}
			catch (DuplicateKeyException ex) {
				// already created by an earlier attempt
			}
		}
		else {
			Query unchanged = Query.query(Criteria.where("_id").is(next.id()).and("seq").is(next.seq() - 1));
			this.mongo.replace(unchanged, next);
		}
		boolean applied = find(next.id()).map((current) -> current.contains(change)).orElse(false);
		if (applied && (change.action() == ReportAction.CREATE || change.action() == ReportAction.UPDATE)) {
			this.mongo.save(ReportVersionDocument.of(next));
		}
		return applied;
	}

	public Optional<ReportVersionDocument> findVersion(String reportId, int version) {
		return Optional.ofNullable(
				this.mongo.findById(ReportVersionDocument.key(reportId, version), ReportVersionDocument.class));
	}

	/** Versions 1 to {@code latest}, read by key, newest first. */
	public List<ReportVersionDocument> versions(String reportId, int latest) {
		List<String> keys = IntStream.rangeClosed(1, latest)
			.mapToObj((version) -> ReportVersionDocument.key(reportId, version))
			.toList();
		List<ReportVersionDocument> versions = this.mongo.find(Query.query(Criteria.where("_id").in(keys)),
				ReportVersionDocument.class);
		return versions.stream()
			.sorted((a, b) -> Integer.compare(b.version(), a.version()))
			.map((version) -> new ReportVersionDocument(version.id(), version.reportId(), version.version(),
					version.title(), version.region(), version.period(), version.kind(), null, version.figureCount(),
					version.placeholderCount(), version.savedAt(), version.savedBy()))
			.toList();
	}

	/**
	 * Reports in the subtree of {@code regionPrefix}, newest change first, without their text and
	 * history.
	 */
	public Page<ReportDocument> list(ReportFilter filter, PageRequest page) {
		Criteria criteria = (filter.regionPrefix().length() == 6) ? Criteria.where("region").is(filter.regionPrefix())
				: Criteria.where("region").regex("^" + filter.regionPrefix());
		if (filter.period() != null) {
			criteria = criteria.and("period").is(filter.period());
		}
		if (filter.status() != null) {
			criteria = criteria.and("status").is(filter.status());
		}
		if (filter.kind() != null) {
			criteria = criteria.and("kind").is(filter.kind());
		}
		Query query = Query.query(criteria);
		long total = this.mongo.count(query, ReportDocument.class);
		query.with(page.withSort(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id"))));
		query.fields().exclude("text", "history", "transfer");
		return new PageImpl<>(this.mongo.find(query, ReportDocument.class), page, total);
	}

	/**
	 * Indexes for the queries above. mongo-java-server ignores non-unique indexes (its queries scan);
	 * a real MongoDB uses them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		this.mongo.indexOps(ReportDocument.class).createIndex(new Index().on("region", Sort.Direction.ASC)
			.on("period", Sort.Direction.ASC)
			.on("updatedAt", Sort.Direction.DESC));
	}

}
