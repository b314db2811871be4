package io.healthstats.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.healthstats.export.files.ExportFiles;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.export.ExportApi.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events, failures, a worker that died, and files at the end of their retention. */
class JobLifecycleIntegrationTests extends ExportIntegrationTest {

	static final String TOPIC = "export.exports.v1";

	@Autowired
	ExportFiles files;

	@Test
	void announcesRequestedAndCompletedAsCloudEventsKeyedByRegion() {
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		String id = this.api.request("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"));
		this.api.awaitFinished("county-341523", id, PATIENCE);

		List<ConsumerRecord<Object, Object>> events = eventsOf(id, 2);

		JsonNode requested = this.json.readTree((String) events.get(0).value());
		JsonNode completed = this.json.readTree((String) events.get(1).value());
		assertThat(events.get(0).key()).isEqualTo("341523");
		assertThat(requested.get("specversion").asString()).isEqualTo("1.0");
		assertThat(requested.get("type").asString()).isEqualTo("io.healthstats.export.requested");
		assertThat(requested.get("id").asString()).isEqualTo("export:" + id + ":requested:1");
		assertThat(requested.get("source").asString()).isEqualTo("/export-service");
		assertThat(completed.get("type").asString()).isEqualTo("io.healthstats.export.completed");
		assertThat(completed.get("subject").asString()).isEqualTo(id);
		assertThat(completed.get("data").get("rows").asLong()).isEqualTo(1);
		assertThat(completed.get("data").get("file").asString()).isEqualTo("/api/v1/exports/" + id + "/file");
		// sent events leave the job's outbox
		await().atMost(PATIENCE).until(() -> outbox(id).isEmpty());
	}

	@Test
	void failsWithTheReasonWhenTheIndicatorServiceAnswers500AndSaysSoInAnEvent() {
		UPSTREAM.failObservations(true);
		String id = this.api.request("city-341500", observations("xlsx", "OUTPATIENT_VISITS", "341500", "2024", "2025"));

		JsonNode job = this.api.awaitFinished("city-341500", id, PATIENCE);

		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("error").asString()).isEqualTo("indicator-service answered 500 for observations.");
		assertThat(job.get("finishedAt").isNull()).isFalse();
		MvcTestResult file = this.api.get("city-341500", "/api/v1/exports/" + id + "/file");
		assertThat(file).hasStatus(409);
		// the stream is asked for three times before the export gives up
		assertThat(UPSTREAM.requests().stream().filter(r -> r.startsWith("GET /api/v1/observations"))).hasSize(3);
		JsonNode failed = this.json.readTree((String) eventsOf(id, 2).get(1).value());
		assertThat(failed.get("type").asString()).isEqualTo("io.healthstats.export.failed");
		assertThat(failed.get("data").get("error").asString()).isEqualTo("indicator-service answered 500 for observations.");
		assertThat(this.mongo.getCollection("exports.files").countDocuments(Filters.eq("metadata.job", id))).isZero();
	}

	@Test
	void finishesAJobWhoseWorkerDiedOnceItsLeaseRunsOut() throws Exception {
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202401", "98120");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202402", "87310");
		// a worker took the job, wrote part of its file and died: the lease ran out a minute ago
		String id = "died-" + UUID.randomUUID();
		ObjectId partial = new ObjectId();
		GridFSUploadStream upload = this.files.create(partial, "partial.csv", id, "text/csv");
		upload.write(new byte[300_000]); // one 255 KiB chunk reached the store; the rest died with the worker
		assertThat(this.mongo.getCollection("exports.chunks").countDocuments(Filters.eq("files_id", partial))).isOne();
		insertRunning(id, 1, partial);

		JsonNode job = this.api.awaitFinished("county-341523", id, PATIENCE);

		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("rows").asLong()).isEqualTo(2);
		assertThat(new String(this.api.file("county-341523", id), java.nio.charset.StandardCharsets.UTF_8))
			.contains("OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202402,87310,,,人次");
		Document stored = this.mongo.getCollection("export_jobs").find(Filters.eq("_id", id)).first();
		assertThat(stored.getInteger("attempt")).isEqualTo(2);
		assertThat(this.mongo.getCollection("exports.chunks").countDocuments(Filters.eq("files_id", partial))).isZero();
		JsonNode again = this.json.readTree((String) eventsOf(id, 1).get(0).value());
		assertThat(again.get("id").asString()).isEqualTo("export:" + id + ":requested:2");
	}

	@Test
	void failsAJobInterruptedAsOftenAsItMayBe() {
		String id = "died-thrice-" + UUID.randomUUID();
		insertRunning(id, 3, new ObjectId());

		JsonNode job = this.api.awaitFinished("county-341523", id, PATIENCE);

		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("error").asString()).contains("interrupted 3 times");
	}

	@Test
	void deletesTheFileAfterItsRetentionAndAnswers410() {
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		String id = this.api.request("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"));
		this.api.awaitFinished("county-341523", id, PATIENCE);
		ObjectId fileId = this.mongo.getCollection("export_jobs").find(Filters.eq("_id", id)).first().getObjectId("fileId");
		assertThat(this.mongo.getCollection("exports.files").countDocuments(Filters.eq("_id", fileId))).isOne();

		this.mongo.getCollection("export_jobs")
			.updateOne(Filters.eq("_id", id), Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));

		await().atMost(PATIENCE).until(() -> this.api.get("county-341523", "/api/v1/exports/" + id + "/file")
			.getResponse()
			.getStatus() == 410);
		MvcTestResult gone = this.api.get("county-341523", "/api/v1/exports/" + id + "/file");
		assertThat(this.api.json(gone).get("type").asString()).isEqualTo("https://healthstats.io/problems/export-expired");
		assertThat(this.api.json(this.api.get("county-341523", "/api/v1/exports/" + id)).get("status").asString())
			.isEqualTo("EXPIRED");
		assertThat(this.mongo.getCollection("exports.files").countDocuments(Filters.eq("_id", fileId))).isZero();
		assertThat(this.mongo.getCollection("exports.chunks").countDocuments(Filters.eq("files_id", fileId))).isZero();
	}

	@Test
	void sendsAnEventACrashLeftInAJobsOutboxAfterTheRestart() {
		// the service died after the job became DONE (same update as its event) but before sending the event
		String id = "crashed-before-sending-" + UUID.randomUUID();
		String event = "{\"specversion\":\"1.0\",\"id\":\"export:" + id + ":completed\",\"source\":\"/export-service\","
				+ "\"type\":\"io.healthstats.export.completed\",\"subject\":\"" + id + "\",\"data\":{\"id\":\"" + id + "\"}}";
		this.mongo.getCollection("export_jobs")
			.insertOne(new Document("_id", id).append("format", "csv")
				.append("status", "DONE")
				.append("ownerClient", "county-341523")
				.append("ownerRegion", "341523")
				.append("region", "341523")
				.append("createdAt", new Date())
				.append("outbox", List.of(new Document("id", "export:" + id + ":completed").append("type", "io.healthstats.export.completed")
					.append("key", "341523")
					.append("json", event))));

		ConsumerRecord<Object, Object> sent = eventsOf(id, 1).get(0);

		assertThat(sent.key()).isEqualTo("341523");
		assertThat(this.json.readTree((String) sent.value()).get("id").asString()).isEqualTo("export:" + id + ":completed");
		await().atMost(PATIENCE).until(() -> outbox(id).isEmpty());
	}

	private void insertRunning(String id, int attempt, ObjectId fileId) {
		this.mongo.getCollection("export_jobs")
			.insertOne(new Document("_id", id).append("format", "csv")
				.append("status", "RUNNING")
				.append("ownerClient", "county-341523")
				.append("ownerRegion", "341523")
				.append("region", "341523")
				.append("indicators", List.of("OUTPATIENT_VISITS"))
				.append("from", "2024")
				.append("to", "2024")
				.append("filename", "门诊诊疗人次_舒城县_2024.csv")
				.append("asciiFilename", "OUTPATIENT_VISITS_341523_2024.csv")
				.append("createdAt", new Date())
				.append("queuedAt", new Date())
				.append("startedAt", new Date())
				.append("attempt", attempt)
				.append("worker", "a-worker-that-died")
				.append("leaseUntil", Date.from(Instant.now().minusSeconds(60)))
				.append("fileId", fileId)
				.append("outbox", List.of()));
	}

	private List<Document> outbox(String id) {
		return this.mongo.getCollection("export_jobs").find(Filters.eq("_id", id)).first().getList("outbox", Document.class, List.of());
	}

	/** The events about job {@code id} on the exports topic, once at least {@code count} arrived. */
	private List<ConsumerRecord<Object, Object>> eventsOf(String id, int count) {
		List<ConsumerRecord<Object, Object>> found = new ArrayList<>();
		try (Consumer<Object, Object> consumer = this.consumers.createConsumer("test-" + UUID.randomUUID(), null)) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(PATIENCE).until(() -> {
				for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(500))) {
					if (this.json.readTree((String) record.value()).get("subject").asString().equals(id)) {
						found.add(record);
					}
				}
				return found.size() >= count;
			});
		}
		return found;
	}

}
