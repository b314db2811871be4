package io.healthstats.indicator;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number a few bytes long can stand for billions of digits (1e999999999): such a value is that
 * row's error, not an exhausted heap and a 500; numbers of sane size keep their full precision.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class NumberBoundsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	IndicatorApi api;

	@BeforeEach
	void setUp() {
		this.api = new IndicatorApi(this.mvc, this.json);
	}

	@Test
	void rejectsAnAbsurdExponentAsThatRowsErrorAndStoresTheOtherRows() {
		String body = batch("{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203101\",\"value\":1e999999999}",
				"{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203102\",\"value\":1e-999999999}",
				row("BIRTHS", "341523", "203103", 512),
				// the largest and smallest exponents a BigDecimal holds: digits counted as an int overflow
				"{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203109\",\"value\":1E+2147483647}",
				"{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203110\",\"value\":1E-2147483647}");

		MvcTestResult result = this.api.post("county-341523", body);

		assertThat(result).hasStatus(200);
		JsonNode answer = this.api.json(result);
		assertThat(answer.get("accepted").asInt()).isEqualTo(1);
		assertThat(answer.get("rejected").findValuesAsString("index")).containsExactly("0", "1", "3", "4");
		assertThat(answer.get("rejected").toString()).contains("at most 20 digits");
		assertThat(this.api.getJson("county-341523", "/api/v1/observations?indicator=BIRTHS&region=341523&period=203101")).isEmpty();
	}

	@Test
	void rejectsAnAbsurdNumberInCsvAndNdjsonToo() {
		MvcTestResult csv = this.api.post("county-341523", MediaType.parseMediaType("text/csv"),
				"indicator,region,period,value\nBIRTHS,341523,203104,9e99999999\nBIRTHS,341523,203105," + "7".repeat(5000) + "\n"
						+ "BIRTHS,341523,203104,1E+2147483647\n");
		MvcTestResult ndjson = this.api.post("county-341523", MediaType.parseMediaType("application/x-ndjson"),
				"{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203106\",\"value\":-4E+888888888}\n"
						+ "{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203106\",\"value\":1E+2147483647}\n");

		assertThat(csv).hasStatus(422);
		assertThat(this.api.json(csv).get("rejected")).hasSize(3);
		assertThat(ndjson).hasStatus(422);
		assertThat(this.api.json(ndjson).get("rejected")).hasSize(2);
	}

	@Test
	void keepsTwentyDigitsAndTrailingZerosThatChangeNothing() {
		String body = batch("{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203107\",\"value\":12345678901234567890.12345678901234567890}",
				"{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"203108\",\"value\":5.0000000000000000000000000}");

		JsonNode answer = this.api.json(this.api.post("county-341523", body));

		assertThat(answer.get("accepted").asInt()).isEqualTo(2);
		JsonNode stored = this.api.getJson("county-341523", "/api/v1/observations?indicator=BIRTHS&region=341523&period=203107");
		assertThat(stored.get(0).get("value").decimalValue()).isEqualByComparingTo("12345678901234567890.12345678901234567890");
	}

}
