package io.healthstats.report;

import java.util.Map;

import io.healthstats.localinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The report API as one demo client calls it. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final String token;

	private Api(MockMvcTester mvc, String token) {
		this.mvc = mvc;
		this.token = token;
	}

	public static Api as(MockMvcTester mvc, String client) {
		return new Api(mvc, TestTokens.forClient(client));
	}

	public MvcTestResult create(String body) {
		return this.mvc.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	/** Creates a report and answers its id. */
	public String createdId(String body) {
		MvcTestResult result = create(body);
		assertThat(result).hasStatus(201);
		return json(result).get("id").asString();
	}

	public MvcTestResult get(String path) {
		return this.mvc.get().uri("/api/v1/reports" + path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange();
	}

	public MvcTestResult put(String id, String ifMatch, String body) {
		var request = this.mvc.put()
			.uri("/api/v1/reports/" + id)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.exchange();
	}

	/** {@code submit}, {@code approve}, {@code return} or {@code publish}, with an optional comment. */
	public MvcTestResult step(String id, String step, String comment) {
		var request = this.mvc.post().uri("/api/v1/reports/" + id + "/" + step).header(HttpHeaders.AUTHORIZATION, bearer());
		if (comment != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Fixtures.json(Map.of("comment", comment)));
		}
		return request.exchange();
	}

	public String bearer() {
		return "Bearer " + this.token;
	}

	public static JsonNode json(MvcTestResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

}
