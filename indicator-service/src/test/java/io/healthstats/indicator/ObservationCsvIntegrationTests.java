package io.healthstats.indicator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.rate;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/observations} with {@code Accept: text/csv}: the whole selection as one streamed CSV. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class ObservationCsvIntegrationTests {

	static final String CITY = "city-341500";

	static final String HEADER = "indicator,region,period,value,numerator,denominator";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	IndicatorApi api;

	@BeforeEach
	void cleanCells() {
		this.mongo.getCollection("cells").drop();
		this.mongo.getCollection("outbox").drop();
		this.api = new IndicatorApi(this.mvc, this.json);
		write(batch(IndicatorApi.STORED));
		write(batch(rate("HEALTH_CHECK_COMPLETION_RATE", "341523", "2024", 26071, 39229)));
	}

	@Test
	void streamsEveryRowOfASubtreeInKeyOrderWithTheNumbersAsStored() {
		MvcTestResult result = csv(CITY, "/api/v1/observations?region=341500&subtree=true&from=2024&to=2025");

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("X-Next-Cursor")).isNull();
		// the roll-ups (341500, the counties' quarters and years) were not reported: not observations
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n", HEADER,
				"BIRTHS,341503,202406,560,,", "BIRTHS,341523,2024,6685,,",
				// 26071 × 100 / 39229 to 16 significant digits, as stored
				"HEALTH_CHECK_COMPLETION_RATE,341523,2024,66.45848734354687,26071,39229",
				"OUTPATIENT_VISITS,341502,202412,412,,", "OUTPATIENT_VISITS,341522,202401,201,,",
				"OUTPATIENT_VISITS,341522,2025,2500,,", "OUTPATIENT_VISITS,341523,202401,101,,",
				"OUTPATIENT_VISITS,341523,202402,102,,", "OUTPATIENT_VISITS,341523,2024Q1,300,,", ""));
	}

	@Test
	void continuesAfterTheKeyOfTheLastRowReceived() {
		List<String> lines = lines(csv(CITY,
				"/api/v1/observations?indicator=OUTPATIENT_VISITS&region=341500&subtree=true&from=2024&to=2025&after=OUTPATIENT_VISITS|341522|202401"));

		assertThat(lines).containsExactly(HEADER, "OUTPATIENT_VISITS,341522,2025,2500,,", "OUTPATIENT_VISITS,341523,202401,101,,",
				"OUTPATIENT_VISITS,341523,202402,102,,", "OUTPATIENT_VISITS,341523,2024Q1,300,,");
	}

	@Test
	void answersTheSameSelectionAsThePages() {
		String query = "/api/v1/observations?indicator=OUTPATIENT_VISITS&indicator=BIRTHS&region=341500&subtree=true&from=2023&to=2025";
		List<String> paged = new ArrayList<>();
		this.api.getJson(CITY, query + "&limit=50000")
			.forEach(row -> paged.add(String.join(",", row.get("indicator").asString(), row.get("region").asString(),
					row.get("period").asString(), row.get("value").asString(), "", "")));

		assertThat(lines(csv(CITY, query))).hasSize(10).startsWith(HEADER).endsWith(paged.toArray(String[]::new));
	}

	@Test
	void streamsWithoutAPeriodBoundToo() {
		assertThat(lines(csv("county-341522", "/api/v1/observations?indicator=OUTPATIENT_VISITS"))).containsExactly(HEADER,
				"OUTPATIENT_VISITS,341522,2023,2300,,", "OUTPATIENT_VISITS,341522,202401,201,,", "OUTPATIENT_VISITS,341522,2025,2500,,");
	}

	@Test
	void streamsManyChunksInOrder() {
		// 18 indicators × 1 region × 425 periods (2000–2024): 7,650 keys, eight chunks of at most 1,000 keys
		write(batch(row("BIRTHS", "341524", "200001", 1), row("BIRTHS", "341524", "2000", 2), row("BIRTHS", "341524", "202412", 3),
				row("OUTPATIENT_VISITS", "341524", "200703", 4), row("POPULATION", "341524", "2015", 5),
				row("VACCINE_DOSES", "341524", "202406", 6)));

		assertThat(lines(csv(CITY, "/api/v1/observations?region=341524&from=2000&to=2024"))).containsExactly(HEADER,
				"BIRTHS,341524,2000,2,,", "BIRTHS,341524,200001,1,,", "BIRTHS,341524,202412,3,,", "OUTPATIENT_VISITS,341524,200703,4,,",
				"POPULATION,341524,2015,5,,", "VACCINE_DOSES,341524,202406,6,,");
	}

	@Test
	void aCountyStreamsOnlyItsOwnRowsAndGetsTheSame404ForItsCity() {
		assertThat(lines(csv("county-341503", "/api/v1/observations?from=2024&to=2025"))).containsExactly(HEADER,
				"BIRTHS,341503,202406,560,,");
		MvcTestResult refused = csv("county-341503", "/api/v1/observations?region=341500&subtree=true&from=2024&to=2025");
		MvcTestResult missing = csv("county-341503", "/api/v1/observations?region=341599&subtree=true&from=2024&to=2025");

		assertThat(refused).hasStatus(404);
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(this.api.json(refused).get("type").asString()).isEqualTo(this.api.json(missing).get("type").asString());
	}

	@Test
	void refusesABadRangeAsAProblem() {
		MvcTestResult result = csv(CITY, "/api/v1/observations?from=2025&to=2024Q4");

		assertThat(result).hasStatus(400);
		assertThat(this.api.json(result).get("errors").get(0).get("field").asString()).isEqualTo("to");
	}

	@Test
	void answersJsonPagesWithoutTheCsvAcceptHeader() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/observations?region=341523&from=2024&to=2024")
			.header("Authorization", "Bearer " + TestTokens.forClient(CITY))
			.header("Accept", "*/*")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		assertThat(this.api.json(result)).hasSize(5);
	}

	private MvcTestResult csv(String client, String uri) {
		return this.mvc.get()
			.uri(uri)
			.header("Authorization", "Bearer " + TestTokens.forClient(client))
			.header("Accept", "text/csv")
			.exchange();
	}

	private static List<String> lines(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).endsWith("\r\n");
		return List.of(body.split("\r\n"));
	}

	private void write(String body) {
		this.api.write(CITY, body);
	}

}
