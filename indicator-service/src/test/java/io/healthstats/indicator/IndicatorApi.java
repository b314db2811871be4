package io.healthstats.indicator;

import io.healthstats.localinfra.TestTokens;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the API as a demo client would, with a bearer token. */
record IndicatorApi(MockMvcTester mvc, JsonMapper json) {

	IndicatorApi {
		json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	MvcTestResult post(String client, String body) {
		return post(client, MediaType.APPLICATION_JSON, body);
	}

	/** Posts {@code body} as {@code client}; every row must be stored. */
	void write(String client, String body) {
		MvcTestResult result = post(client, body);
		assertThat(result).hasStatusOk();
		assertThat(json(result).get("rejected")).isEmpty();
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

	/**
	 * The rows the paged and the streamed reads are tried on: months, a quarter and years of three counties
	 * for two indicators, in an order unlike the key order.
	 */
	static final String[] STORED = { row("OUTPATIENT_VISITS", "341523", "202401", 101),
			row("OUTPATIENT_VISITS", "341523", "202402", 102), row("OUTPATIENT_VISITS", "341523", "2024Q1", 300),
			row("OUTPATIENT_VISITS", "341522", "202401", 201), row("OUTPATIENT_VISITS", "341522", "2025", 2500),
			row("OUTPATIENT_VISITS", "341522", "2023", 2300), row("OUTPATIENT_VISITS", "341502", "202412", 412),
			row("BIRTHS", "341523", "2024", 6685), row("BIRTHS", "341503", "202406", 560) };

	static String batch(String... rows) {
		return "[" + String.join(",", rows) + "]";
	}

}
