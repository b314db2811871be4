package io.healthstats.indicator;

import io.healthstats.localinfra.TestTokens;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Calls the API as a demo client would, with a bearer token. */
record IndicatorApi(MockMvcTester mvc, JsonMapper json) {

	IndicatorApi {
		json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	MvcTestResult post(String client, String body) {
		return post(client, MediaType.APPLICATION_JSON, body);
	}

	MvcTestResult post(String client, MediaType type, String body) {
		return this.mvc.post()
			.uri("/api/v1/observations")
			.header("Authorization", "Bearer " + TestTokens.forClient(client))
			.contentType(type)
			.content(body)
			.exchange();
	}

	JsonNode getJson(String client, String uri, int status) {
		MvcTestResult result = get(client, uri);
		if (result.getResponse().getStatus() != status) {
			throw new AssertionError(uri + " answered " + result.getResponse().getStatus());
		}
		return json(result);
	}

	MvcTestResult get(String client, String uri) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + TestTokens.forClient(client)).exchange();
	}

	JsonNode json(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	JsonNode getJson(String client, String uri) {
		MvcTestResult result = get(client, uri);
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError(uri + " answered " + result.getResponse().getStatus());
		}
		return json(result);
	}

	static String row(String indicator, String region, String period, long value) {
		return "{\"indicator\":\"" + indicator + "\",\"region\":\"" + region + "\",\"period\":\"" + period + "\",\"value\":" + value + "}";
	}

	static String rate(String indicator, String region, String period, long numerator, long denominator) {
		return "{\"indicator\":\"" + indicator + "\",\"region\":\"" + region + "\",\"period\":\"" + period
				+ "\",\"numerator\":" + numerator + ",\"denominator\":" + denominator + "}";
	}

	static String batch(String... rows) {
		return "[" + String.join(",", rows) + "]";
	}

}
