package io.healthstats.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.healthstats.localinfra.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.export.ExportApi.observations;
import static org.assertj.core.api.Assertions.assertThat;

/** What is refused before anything is queued, and who sees which job. */
class ExportRequestsIntegrationTests extends ExportIntegrationTest {

	@Test
	void acceptsARequestWith202AndTheJobsLocation() {
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		MvcTestResult result = this.api.post("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"));

		assertThat(result).hasStatus(202);
		JsonNode job = this.api.json(result);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/exports/" + job.get("id").asString());
		assertThat(job.get("status").asString()).isEqualTo("QUEUED");
		assertThat(job.get("filename").asString()).isEqualTo("出生人数_舒城县_2024.csv");
		assertThat(job.get("query").get("region").asString()).isEqualTo("341523");
		this.api.awaitFinished("county-341523", job.get("id").asString(), PATIENCE);
	}

	@Test
	void refusesEachBadFieldWith400NamingItAndQueuesNothing() {
		long before = jobCount();

		assertField(this.api.post("city-341500", observations("pdf", "BIRTHS", "341500", "2024", "2024")), "format");
		assertField(this.api.post("city-341500", "{\"indicator\":\"BIRTHS\",\"region\":\"341500\",\"from\":\"2024\",\"to\":\"2024\"}"),
				"format");
		assertField(this.api.post("city-341500", observations("csv", "BIRTHS", "341500", "2024Q5", "2024")), "from");
		assertField(this.api.post("city-341500", observations("csv", "BIRTHS", "341500", "2024", "202413")), "to");
		assertField(this.api.post("city-341500", observations("csv", "BIRTHS", "341500", "2025", "2024Q4")), "to");
		assertField(this.api.post("city-341500", observations("csv", "NO_SUCH_INDICATOR", "341500", "2024", "2024")), "indicator");
		assertField(this.api.post("city-341500",
				"{\"format\":\"csv\",\"indicators\":[\"BIRTHS\",\"NOT_IN_CATALOGUE\"],\"region\":\"341500\",\"from\":\"2024\",\"to\":\"2024\"}"),
				"indicators[1]");
		assertField(this.api.post("city-341500", observations("csv", "BIRTHS", "341599", "2024", "2024")), "region");
		assertField(this.api.post("city-341500", observations("csv", "BIRTHS", "3415", "2024", "2024")), "region");
		assertField(this.api.post("city-341500", "{\"format\":\"docx\"}"), "report");
		assertField(this.api.post("city-341500", "{\"format\":\"csv\",\"report\":\"r-1\"}"), "format");

		assertThat(jobCount()).isEqualTo(before);
		assertThat(UPSTREAM.requests()).noneMatch(request -> request.startsWith("GET /api/v1/observations"));
	}

	@Test
	void answersARegionOutsideTheCallersSubtreeLikeAMissingOne() {
		long before = jobCount();

		MvcTestResult result = this.api.post("county-341523", observations("csv", "BIRTHS", "341500", "2024", "2024"));
		MvcTestResult neighbour = this.api.post("county-341523", observations("xlsx", "BIRTHS", "341522", "2024", "2024"));

		assertThat(result).hasStatus(404);
		assertThat(this.api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/region-not-found");
		assertThat(neighbour).hasStatus(404);
		assertThat(jobCount()).isEqualTo(before);
	}

	@Test
	void answersAReportOfAnotherCountyLikeAMissingOne() {
		UPSTREAM.report(ExportFormatsIntegrationTests.report("r-iso-1", "341523", "舒城县报告", "一、总结\n正文\n"), List.of());

		assertThat(this.api.post("county-341522", "{\"format\":\"docx\",\"report\":\"r-iso-1\"}")).hasStatus(404);
		assertThat(this.api.post("county-341522", "{\"format\":\"docx\",\"report\":\"no-such-report\"}")).hasStatus(404);
		assertThat(this.api.post("city-341500", "{\"format\":\"docx\",\"report\":\"r-iso-1\"}")).hasStatus(202);
	}

	@Test
	void showsAJobToItsRegionAndTheRegionsAboveButNotToAnotherCounty() {
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		String id = this.api.request("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"));
		this.api.awaitFinished("county-341523", id, PATIENCE);

		assertThat(this.api.get("county-341523", "/api/v1/exports/" + id)).hasStatusOk();
		assertThat(this.api.get("city-341500", "/api/v1/exports/" + id)).hasStatusOk();
		assertThat(this.api.get("county-341522", "/api/v1/exports/" + id)).hasStatus(404);
		assertThat(this.api.get("county-341522", "/api/v1/exports/" + id + "/file")).hasStatus(404);
		assertThat(ids(this.api.json(this.api.get("county-341523", "/api/v1/exports")))).contains(id);
		assertThat(ids(this.api.json(this.api.get("city-341500", "/api/v1/exports?status=DONE")))).contains(id);
		assertThat(ids(this.api.json(this.api.get("county-341522", "/api/v1/exports")))).doesNotContain(id);
	}

	@Test
	void answers409ForTheFileOfAJobThatIsNotDone() {
		String queued = insertJob("QUEUED", null);
		String running = insertJob("RUNNING", Instant.now().plusSeconds(600));

		MvcTestResult waiting = this.api.get("county-341523", "/api/v1/exports/" + queued + "/file");
		assertThat(waiting).hasStatus(409);
		assertThat(this.api.json(waiting).get("type").asString()).isEqualTo("https://healthstats.io/problems/export-not-ready");
		assertThat(this.api.json(waiting).get("status").asString()).isEqualTo("QUEUED");
		assertThat(this.api.get("county-341523", "/api/v1/exports/" + running + "/file")).hasStatus(409);
	}

	@Test
	void refusesCallsWithoutATokenOrWithoutReadScope() {
		assertThat(this.mvc.get().uri("/api/v1/exports").exchange()).hasStatus(401);
		MvcTestResult writeOnly = this.mvc.post()
			.uri("/api/v1/exports")
			.header("Authorization", "Bearer " + TestTokens.token("county-341523", "341523", "write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(observations("csv", "BIRTHS", "341523", "2024", "2024"))
			.exchange();
		assertThat(writeOnly).hasStatus(403);
		MvcTestResult noRegion = this.mvc.get()
			.uri("/api/v1/exports")
			.header("Authorization", "Bearer " + TestTokens.token("county-341523", null, "read"))
			.exchange();
		assertThat(noRegion).hasStatus(403);
		assertThat(this.api.json(noRegion).get("type").asString()).isEqualTo("https://healthstats.io/problems/forbidden");
		MvcTestResult notJson = this.api.post("county-341523", "{not json");
		assertThat(notJson).hasStatus(400);
		assertThat(this.api.json(notJson).get("type").asString()).isEqualTo("https://healthstats.io/problems/bad-request");
	}

	@Test
	void aClientWithTenExportsQueuedOrRunningGets429UntilOneIsDoneWhileOthersGoOn() {
		// ten jobs of one client waiting their turn: inserted as the store holds them, so no worker finishes one
		List<Document> waiting = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			waiting.add(new Document("_id", "busy-" + i).append("ownerClient", "county-341524")
				.append("status", i < 2 ? "RUNNING" : "QUEUED")
				.append("queuedAt", new Date()));
		}
		this.mongo.getCollection("export_jobs").insertMany(waiting);
		UPSTREAM.observation("BIRTHS", "341524", "2024", "6685");
		try {
			long before = jobCount();
			MvcTestResult refused = this.api.post("county-341524", observations("csv", "BIRTHS", "341524", "2024", "2024"));

			assertThat(refused).hasStatus(429);
			assertThat(this.api.json(refused).get("type").asString()).isEqualTo("https://healthstats.io/problems/too-many-exports");
			assertThat(this.api.json(refused).get("detail").asString()).startsWith("Client county-341524 has 10 exports queued or running");
			assertThat(jobCount()).isEqualTo(before);
			assertThat(this.api.post("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"))).hasStatus(202);

			this.mongo.getCollection("export_jobs").updateOne(new Document("_id", "busy-0"), new Document("$set", new Document("status", "DONE")));
			assertThat(this.api.post("county-341524", observations("csv", "BIRTHS", "341524", "2024", "2024"))).hasStatus(202);
		}
		finally {
			this.mongo.getCollection("export_jobs").deleteMany(new Document("_id", new Document("$regex", "^busy-")));
		}
	}

	@Test
	void readsUpstreamWithTheServiceTokenFetchedOnce() {
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		String first = this.api.request("county-341523", observations("csv", "BIRTHS", "341523", "2024", "2024"));
		String second = this.api.request("county-341523", observations("json", "BIRTHS", "341523", "2024", "2024"));
		this.api.awaitFinished("county-341523", first, PATIENCE);
		this.api.awaitFinished("county-341523", second, PATIENCE);

		// the first token of this context is still valid (10 min): never fetched again
		assertThat(UPSTREAM.tokensIssued()).isEqualTo(1);
	}

	private String insertJob(String status, Instant leaseUntil) {
		String id = "manual-" + status.toLowerCase() + "-" + System.nanoTime();
		this.mongo.getCollection("export_jobs")
			.insertOne(new Document("_id", id).append("format", "csv")
				.append("status", status)
				.append("ownerClient", "county-341523")
				.append("ownerRegion", "341523")
				.append("region", "341523")
				.append("indicators", List.of("BIRTHS"))
				.append("from", "2024")
				.append("to", "2024")
				.append("filename", "出生人数_舒城县_2024.csv")
				.append("asciiFilename", "BIRTHS_341523_2024.csv")
				.append("createdAt", new Date())
				.append("queuedAt", new Date())
				.append("attempt", leaseUntil == null ? 0 : 1)
				.append("worker", leaseUntil == null ? null : "another-instance")
				.append("leaseUntil", leaseUntil == null ? null : Date.from(leaseUntil)));
		return id;
	}

	private void assertField(MvcTestResult result, String field) {
		assertThat(result).hasStatus(400);
		JsonNode problem = this.api.json(result);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(problem.get("errors").toString()).as(problem.toString()).contains("\"field\":\"" + field + "\"");
	}

	private static List<String> ids(JsonNode jobs) {
		return jobs.valueStream().map(job -> job.get("id").asString()).toList();
	}

}
