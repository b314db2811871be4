package io.healthstats.export;

import java.time.Duration;

import io.healthstats.localinfra.TestTokens;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls the export API as a demo client would, with a bearer token. */
record ExportApi(MockMvcTester mvc, JsonMapper json) {

	ExportApi {
		json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	MvcTestResult post(String client, String body) {
		return this.mvc.post()
			.uri("/api/v1/exports")
			.header("Authorization", "Bearer " + TestTokens.forClient(client))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult get(String client, String uri) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + TestTokens.forClient(client)).exchange();
	}

	JsonNode json(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** Requests an export that must be accepted; returns its id. */
	String request(String client, String body) {
		MvcTestResult result = post(client, body);
		assertThat(result).as(new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).hasStatus(202);
		return json(result).get("id").asString();
	}

	/** Waits until the job is no longer QUEUED or RUNNING and returns it. */
	JsonNode awaitFinished(String client, String id, Duration patience) {
		JsonNode[] job = new JsonNode[1];
		await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> {
			job[0] = json(get(client, "/api/v1/exports/" + id));
			String status = job[0].get("status").asString();
			return !status.equals("QUEUED") && !status.equals("RUNNING");
		});
		return job[0];
	}

	byte[] file(String client, String id) {
		MvcTestResult result = get(client, "/api/v1/exports/" + id + "/file");
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsByteArray();
	}

	static String observations(String format, String indicator, String region, String from, String to) {
		return "{\"format\":\"" + format + "\",\"indicator\":\"" + indicator + "\",\"region\":\"" + region + "\",\"from\":\""
				+ from + "\",\"to\":\"" + to + "\"}";
	}

}
