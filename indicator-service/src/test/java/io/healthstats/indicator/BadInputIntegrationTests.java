package io.healthstats.indicator;

import java.time.Duration;
import java.util.List;

import io.healthstats.localinfra.InfrastructureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.rate;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every bad input gets a clear 4xx, names what is wrong, and stores nothing of the bad rows. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class BadInputIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	IndicatorApi api;

	@BeforeEach
	void clean() {
		this.mongo.getCollection("cells").drop();
		this.api = new IndicatorApi(this.mvc, this.json);
	}

	@Test
	void rejectsBadRowsWithReasonsAndStoresTheGoodOnes() {
		String body = batch(row("OUTPATIENT_VISITS", "341523", "2024Q5", 10), row("OUTPATIENT_VISITS", "341523", "202413", 10),
				row("NO_SUCH_INDICATOR", "341523", "202401", 10), row("OUTPATIENT_VISITS", "999999", "202401", 10),
				row("OUTPATIENT_VISITS", "341523", "202401", -5),
				"{\"indicator\":\"HEALTH_CHECK_COMPLETION_RATE\",\"region\":\"341523\",\"period\":\"2024\",\"numerator\":26071}",
				"{\"indicator\":\"OUTPATIENT_VISITS\",\"region\":\"341523\",\"period\":\"202401\",\"value\":\"abc\"}",
				"{\"indicator\":\"HEALTH_CHECK_COMPLETION_RATE\",\"region\":\"341523\",\"period\":\"2023\",\"numerator\":26071,\"denominator\":39229,\"value\":70}",
				row("OUTPATIENT_VISITS", "341523", "202402", 98120));

		JsonNode result = this.api.json(this.api.post("city-341500", body));

		assertThat(result.get("accepted").asInt()).isEqualTo(1);
		JsonNode rejected = result.get("rejected");
		assertThat(rejected).hasSize(8);
		assertThat(rejected.get(0).toString()).contains("2024Q5");
		assertThat(rejected.get(1).toString()).contains("202413");
		assertThat(rejected.get(2).toString()).contains("NO_SUCH_INDICATOR");
		assertThat(rejected.get(3).toString()).contains("999999");
		assertThat(rejected.get(4).toString()).contains("negative");
		assertThat(rejected.get(5).toString()).contains("denominator is required");
		assertThat(rejected.get(6).toString()).contains("must be a number");
		assertThat(rejected.get(7).toString()).contains("does not agree");
		JsonNode stored = this.api.getJson("city-341500", "/api/v1/observations?region=341523");
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).get("period").asString()).isEqualTo("202402");
	}

	@Test
	void answersABatchWithNoGoodRowWith422AndStoresNothing() {
		MvcTestResult result = this.api.post("county-341523", batch(row("OUTPATIENT_VISITS", "341523", "2024Q5", 10)));

		assertThat(result).hasStatus(422);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(this.api.getJson("county-341523", "/api/v1/observations?region=341523")).isEmpty();
	}

	@Test
	void keepsRatesAbove100PercentButFlagsThem() {
		JsonNode result = this.api.json(this.api.post("city-341500",
				batch(rate("FULL_VACCINATION_RATE", "341523", "2023", 557757, 555700))));

		assertThat(result.get("accepted").asInt()).isEqualTo(1);
		assertThat(result.get("flagged").get(0).asInt()).isZero();
		JsonNode stored = this.api.getJson("city-341500", "/api/v1/observations?indicator=FULL_VACCINATION_RATE&region=341523");
		assertThat(stored.get(0).get("flagged").asBoolean()).isTrue();
	}

	@Test
	void answersUnparseableBodiesWith400() {
		assertThat(this.api.post("city-341500", "[{\"indicator\":")).hasStatus(400);
		assertThat(this.api.post("city-341500", "{\"indicator\":\"BIRTHS\"}")).hasStatus(400);
		assertThat(this.api.post("city-341500", MediaType.valueOf("text/csv"), "")).hasStatus(400);
	}

	@Test
	void refusesABatchOfMoreThanTenThousandRowsWith413AndStoresNothing() {
		// 10,001 rows, the last one good: three million of them used to exhaust the service's heap
		String json = "[" + "{},".repeat(10_000) + row("BIRTHS", "341523", "202405", 600) + "]";
		String ndjson = "{}\n".repeat(10_000) + row("BIRTHS", "341523", "202405", 600) + "\n";
		String csv = "indicator,region,period,value\n" + "x,,,\n".repeat(10_000) + "BIRTHS,341523,202405,600\n";

		for (MvcTestResult result : List.of(this.api.post("county-341523", json),
				this.api.post("county-341523", MediaType.valueOf("application/x-ndjson"), ndjson),
				this.api.post("county-341523", MediaType.valueOf("text/csv"), csv))) {
			assertThat(result).hasStatus(413);
			JsonNode problem = this.api.json(result);
			assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/too-many-rows");
			assertThat(problem.get("detail").asString()).startsWith("A batch holds at most 10000 rows");
		}
		assertThat(this.api.getJson("county-341523", "/api/v1/observations?indicator=BIRTHS&region=341523&period=202405")).isEmpty();
	}

	@Test
	void storesABatchOfTenThousandRows() {
		StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append("BIRTHS,341523,").append(2100 + i / 12).append(String.format("%02d", i % 12 + 1)).append(",").append(i).append('\n');
		}

		JsonNode result = this.api.json(this.api.post("county-341523", MediaType.valueOf("text/csv"), csv.toString()));

		assertThat(result.get("created").asInt()).isEqualTo(10_000);
		assertThat(this.api.getJson("county-341523", "/api/v1/indicators/BIRTHS/series?region=341523&from=2933&to=2933&granularity=YEAR")
			.get("points").get(0).get("value").asLong()).isEqualTo(9_996 + 9_997 + 9_998 + 9_999);
		// and its events all leave: left in the outbox, they would keep the test JVM from stopping
		await().atMost(Duration.ofSeconds(60)).until(() -> this.mongo.getCollection("outbox").countDocuments() == 0);
	}

	@Test
	void rejectsACodeOfAMegabyteWithoutRepeatingIt() throws Exception {
		String huge = "x".repeat(1_000_000);
		String body = batch("{\"indicator\":\"" + huge + "\",\"region\":\"" + huge + "\",\"period\":\"" + huge + "\",\"value\":1}",
				row("BIRTHS", "341523", "202406", 610));

		MvcTestResult result = this.api.post("county-341523", body);

		JsonNode answer = this.api.json(result);
		assertThat(answer.get("accepted").asInt()).isEqualTo(1);
		assertThat(answer.get("rejected").get(0).get("errors").toString()).contains("indicator is 1000000 characters long")
			.contains("region is 1000000 characters long")
			.contains("period is 1000000 characters long");
		assertThat(result.getResponse().getContentAsString().length()).isLessThan(2_000);
	}

	@Test
	void acceptsCsvAndNdjson() {
		String csv = "indicator,region,period,value,numerator,denominator\nBIRTHS,341523,202401,560,,\n"
				+ "SECOND_CHILD_BIRTH_RATIO,341523,202401,,280,560\nBIRTHS,341523,202402,abc,,\n";
		JsonNode fromCsv = this.api.json(this.api.post("city-341500", MediaType.valueOf("text/csv"), csv));
		assertThat(fromCsv.get("accepted").asInt()).isEqualTo(2);
		assertThat(fromCsv.get("rejected").get(0).get("index").asInt()).isEqualTo(2);

		String ndjson = row("BIRTHS", "341523", "202403", 590) + "\n" + row("BIRTHS", "341523", "202404", 600) + "\n";
		JsonNode fromNdjson = this.api.json(this.api.post("city-341500", MediaType.valueOf("application/x-ndjson"), ndjson));
		assertThat(fromNdjson.get("created").asInt()).isEqualTo(2);
	}

	@Test
	void namesTheBadPeriodOfASeriesRequest() throws Exception {
		MvcTestResult result = this.api.get("city-341500", "/api/v1/indicators/BIRTHS/series?region=341523&from=2024Q5&to=2024");

		assertThat(result).hasStatus(400);
		assertThat(result.getResponse().getContentAsString()).contains("2024Q5");
		assertThat(this.api.get("city-341500", "/api/v1/indicators/NOPE/series?region=341523&from=2024&to=2024")).hasStatus(404);
		assertThat(this.api.get("city-341500", "/api/v1/indicators/BIRTHS/series?region=341523&from=2024&to=2024&granularity=WEEK")).hasStatus(400);
	}

	@Test
	void keepsEachCountyInsideItsOwnRegion() {
		JsonNode result = this.api.json(this.api.post("county-341522", batch(row("BIRTHS", "341523", "202401", 1),
				row("BIRTHS", "341522", "202401", 2))));
		assertThat(result.get("accepted").asInt()).isEqualTo(1);
		assertThat(result.get("rejected").get(0).toString()).contains("outside your region");

		assertThat(this.api.get("county-341522", "/api/v1/indicators/BIRTHS/series?region=341523&from=2024&to=2024")).hasStatus(404);
		assertThat(this.api.get("county-341522", "/api/v1/indicators/BIRTHS/breakdown?region=341500&period=2024")).hasStatus(404);
		assertThat(this.api.getJson("county-341522", "/api/v1/observations?indicator=BIRTHS")).hasSize(1);
		assertThat(this.api.get("partner-demo", "/api/v1/indicators/BIRTHS/series?region=341523&from=2024&to=2024")).hasStatusOk();
		assertThat(this.api.post("partner-demo", batch(row("BIRTHS", "341522", "202401", 2)))).hasStatus(403);
	}

	@Test
	void answersProblemDetailsForUnknownPathsMethodsAndMissingTokens() {
		assertThat(this.api.get("city-341500", "/api/v1/nothing-here")).hasStatus(404);
		assertThat(this.mvc.get().uri("/api/v1/indicators").exchange()).hasStatus(401);
		MvcTestResult wrongMethod = this.mvc.delete()
			.uri("/api/v1/indicators")
			.header("Authorization", "Bearer " + io.healthstats.localinfra.TestTokens.forClient("city-341500"))
			.exchange();
		assertThat(wrongMethod).hasStatus(405);
		assertThat(wrongMethod.getResponse().getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void refusesATokenWithoutARegionAndStoresNothing() {
		String body = "[{\"indicator\":\"BIRTHS\",\"region\":\"341523\",\"period\":\"209901\",\"value\":1}]";
		MvcTestResult write = this.mvc.post()
			.uri("/api/v1/observations")
			.header("Authorization", "Bearer " + io.healthstats.localinfra.TestTokens.token("county-341523", null, "read", "write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(write).hasStatus(403);
		assertThat(write.getResponse().getContentType()).isEqualTo("application/problem+json");
		MvcTestResult stored = this.api.get("county-341523", "/api/v1/observations?indicator=BIRTHS&region=341523&period=209901");
		assertThat(stored).hasStatusOk().bodyText().doesNotContain("209901");
	}

}
