package io.healthstats.export.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.healthstats.export.format.ExportFormat;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs in {@code export_jobs}, one document each, looked up by {@code _id}. Every state change is one
 * conditional update of that document that also appends the event announcing it to the document's
 * {@code outbox} array: no transaction is needed for the change and its event to agree. Conditions
 * (status, worker, lease) make each change happen once even when instances race.
 */
@Component
public class ExportJobs {

	static final String COLLECTION = "export_jobs";

	private final MongoTemplate mongo;

	ExportJobs(MongoTemplate mongo) {
		this.mongo = mongo;
		// used by real MongoDB for the sweeps and lists; the local store ignores them and scans (jobs are few)
		collection().createIndex(Indexes.ascending("status", "leaseUntil"));
		collection().createIndex(Indexes.ascending("ownerRegion", "createdAt"));
	}

	void insert(ExportJob job, PendingEvent requested) {
		collection().insertOne(toDocument(job).append("outbox", List.of(event(requested))));
	}

	public Optional<ExportJob> find(String id) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(ExportJobs::fromDocument);
	}

	/** The newest jobs of callers in the subtree with this code prefix ("" for all). */
	List<ExportJob> list(String regionPrefix, JobStatus status, int limit) {
		List<Bson> filters = new ArrayList<>();
		if (!regionPrefix.isEmpty()) {
			filters.add(Filters.regex("ownerRegion", "^" + regionPrefix));
		}
		if (status != null) {
			filters.add(Filters.eq("status", status.name()));
		}
		List<ExportJob> jobs = new ArrayList<>();
		for (Document doc : collection().find(filters.isEmpty() ? new Document() : Filters.and(filters))
			.projection(new Document("outbox", 0))
			.sort(Sorts.descending("createdAt"))
			.limit(limit)) {
			jobs.add(fromDocument(doc));
		}
		return jobs;
	}

	/** Takes a QUEUED job for {@code worker}: RUNNING, leased, with a fresh file id; empty if someone else has it. */
	public Optional<ExportJob> claim(String id, String worker, Instant now, Instant leaseUntil) {
		Document claimed = collection().findOneAndUpdate(
				Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.QUEUED.name())),
				Updates.combine(Updates.set("status", JobStatus.RUNNING.name()), Updates.set("worker", worker),
						Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.set("startedAt", Date.from(now)),
						Updates.set("fileId", new ObjectId()), Updates.set("progress", 0), Updates.set("rows", 0L),
						Updates.inc("attempt", 1)),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(claimed).map(ExportJobs::fromDocument);
	}

	/** Renews the lease and records progress; false when the job is no longer this worker's. */
	public boolean heartbeat(String id, String worker, long rows, int progress, Instant leaseUntil) {
		return collection().updateOne(running(id, worker), Updates.combine(Updates.set("rows", rows),
				Updates.set("progress", progress), Updates.set("leaseUntil", Date.from(leaseUntil))))
			.getMatchedCount() == 1;
	}

	public boolean complete(ExportJob job, String worker, long rows, long size, Instant now, Instant expiresAt,
			PendingEvent completed) {
		return collection().updateOne(running(job.id(), worker),
				Updates.combine(Updates.set("status", JobStatus.DONE.name()), Updates.set("rows", rows),
						Updates.set("size", size), Updates.set("progress", 100), Updates.set("finishedAt", Date.from(now)),
						Updates.set("expiresAt", Date.from(expiresAt)), Updates.unset("worker"), Updates.unset("leaseUntil"),
						Updates.push("outbox", event(completed))))
			.getMatchedCount() == 1;
	}

	public boolean fail(ExportJob job, String worker, String error, Instant now, PendingEvent failed) {
		return collection().updateOne(running(job.id(), worker), failure(error, now, failed)).getMatchedCount() == 1;
	}

	/** RUNNING jobs whose worker stopped renewing its lease before {@code now}. */
	public List<ExportJob> abandoned(Instant now) {
		return jobs(Filters.and(Filters.eq("status", JobStatus.RUNNING.name()), Filters.lt("leaseUntil", Date.from(now))));
	}

	/** Jobs QUEUED since before {@code before} whose request event has been sent (or lost). */
	public List<ExportJob> waitingSince(Instant before) {
		return jobs(Filters.and(Filters.eq("status", JobStatus.QUEUED.name()), Filters.lt("queuedAt", Date.from(before))));
	}

	/** Hands an abandoned job back to the queue, if nobody did meanwhile. */
	public boolean requeue(ExportJob job, Instant now, PendingEvent requested) {
		return collection().updateOne(abandonedBy(job),
				Updates.combine(Updates.set("status", JobStatus.QUEUED.name()), Updates.set("queuedAt", Date.from(now)),
						Updates.unset("worker"), Updates.unset("leaseUntil"), Updates.push("outbox", event(requested))))
			.getMatchedCount() == 1;
	}

	/** Fails an abandoned job that has used up its attempts. */
	public boolean giveUp(ExportJob job, String error, Instant now, PendingEvent failed) {
		return collection().updateOne(abandonedBy(job), failure(error, now, failed)).getMatchedCount() == 1;
	}

	/** Announces a still-queued job again. */
	public boolean remind(ExportJob job, Instant now, PendingEvent requested) {
		return collection().updateOne(
				Filters.and(Filters.eq("_id", job.id()), Filters.eq("status", JobStatus.QUEUED.name())),
				Updates.combine(Updates.set("queuedAt", Date.from(now)), Updates.push("outbox", event(requested))))
			.getMatchedCount() == 1;
	}

	/** Jobs of {@code client} still to run or running. */
	long active(String client) {
		return collection().countDocuments(Filters.and(Filters.eq("ownerClient", client),
				Filters.in("status", JobStatus.QUEUED.name(), JobStatus.RUNNING.name())));
	}

	public long count(JobStatus status) {
		return collection().countDocuments(Filters.eq("status", status.name()));
	}

	/** DONE jobs whose file is past its retention. */
	public List<ExportJob> expired(Instant now) {
		return jobs(Filters.and(Filters.eq("status", JobStatus.DONE.name()), Filters.lt("expiresAt", Date.from(now))));
	}

	public boolean markExpired(ExportJob job) {
		return collection().updateOne(Filters.and(Filters.eq("_id", job.id()), Filters.eq("status", JobStatus.DONE.name())),
				Updates.combine(Updates.set("status", JobStatus.EXPIRED.name()), Updates.set("size", 0L)))
			.getMatchedCount() == 1;
	}

	/** Jobs holding events not sent yet, with those events. */
	public List<JobOutbox> withPendingEvents(int limit) {
		List<JobOutbox> pending = new ArrayList<>();
		for (Document doc : collection().find(Filters.exists("outbox.0")).projection(new Document("outbox", 1)).limit(limit)) {
			pending.add(outbox(doc));
		}
		return pending;
	}

	/** The events one job holds, not sent yet. */
	public Optional<JobOutbox> outbox(String jobId) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", jobId)).projection(new Document("outbox", 1)).first())
			.map(ExportJobs::outbox);
	}

	private static JobOutbox outbox(Document doc) {
		List<PendingEvent> events = doc.getList("outbox", Document.class, List.of())
			.stream()
			.map(e -> new PendingEvent(e.getString("id"), e.getString("type"), e.getString("key"), e.getString("json")))
			.toList();
		return new JobOutbox(doc.getString("_id"), events);
	}

	/** A job's events waiting to be sent. */
	public record JobOutbox(String jobId, List<PendingEvent> events) {
	}

	public void sent(String jobId, String eventId) {
		collection().updateOne(Filters.eq("_id", jobId), Updates.pull("outbox", new Document("id", eventId)));
	}

	private List<ExportJob> jobs(Bson filter) {
		List<ExportJob> jobs = new ArrayList<>();
		for (Document doc : collection().find(filter).projection(new Document("outbox", 0)).limit(500)) {
			jobs.add(fromDocument(doc));
		}
		return jobs;
	}

	private static Bson running(String id, String worker) {
		return Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.RUNNING.name()), Filters.eq("worker", worker));
	}

	private static Bson abandonedBy(ExportJob job) {
		return Filters.and(Filters.eq("_id", job.id()), Filters.eq("status", JobStatus.RUNNING.name()),
				Filters.eq("worker", job.worker()), Filters.eq("leaseUntil", Date.from(job.leaseUntil())));
	}

	private static Bson failure(String error, Instant now, PendingEvent failed) {
		return Updates.combine(Updates.set("status", JobStatus.FAILED.name()), Updates.set("error", error),
				Updates.set("finishedAt", Date.from(now)), Updates.unset("worker"), Updates.unset("leaseUntil"),
				Updates.push("outbox", event(failed)));
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Document event(PendingEvent event) {
		return new Document("id", event.id()).append("type", event.type()).append("key", event.key()).append("json", event.json());
	}

	static Document toDocument(ExportJob job) {
		return new Document("_id", job.id()).append("format", job.format().id())
			.append("status", job.status().name())
			.append("ownerClient", job.ownerClient())
			.append("ownerRegion", job.ownerRegion())
			.append("region", job.region())
			.append("indicators", job.indicators())
			.append("from", job.from())
			.append("to", job.to())
			.append("report", job.report())
			.append("filename", job.filename())
			.append("asciiFilename", job.asciiFilename())
			.append("progress", job.progress())
			.append("rows", job.rows())
			.append("size", job.size())
			.append("error", job.error())
			.append("createdAt", date(job.createdAt()))
			.append("queuedAt", date(job.createdAt()))
			.append("startedAt", date(job.startedAt()))
			.append("finishedAt", date(job.finishedAt()))
			.append("expiresAt", date(job.expiresAt()))
			.append("attempt", job.attempt())
			.append("worker", job.worker())
			.append("leaseUntil", date(job.leaseUntil()))
			.append("fileId", job.fileId());
	}

	static ExportJob fromDocument(Document doc) {
		return new ExportJob(doc.getString("_id"), ExportFormat.of(doc.getString("format")).orElseThrow(),
				JobStatus.valueOf(doc.getString("status")), doc.getString("ownerClient"), doc.getString("ownerRegion"),
				doc.getString("region"), doc.getList("indicators", String.class, List.of()), doc.getString("from"),
				doc.getString("to"), doc.getString("report"), doc.getString("filename"), doc.getString("asciiFilename"),
				number(doc, "progress").intValue(), number(doc, "rows").longValue(), number(doc, "size").longValue(),
				doc.getString("error"), instant(doc, "createdAt"), instant(doc, "startedAt"), instant(doc, "finishedAt"),
				instant(doc, "expiresAt"), number(doc, "attempt").intValue(), doc.getString("worker"),
				instant(doc, "leaseUntil"), doc.getObjectId("fileId"));
	}

	private static Number number(Document doc, String field) {
		Number number = doc.get(field, Number.class);
		return number == null ? 0 : number;
	}

	private static Instant instant(Document doc, String field) {
		Date date = doc.getDate(field);
		return date == null ? null : date.toInstant();
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

}
