package io.healthstats.indicator;

import java.util.ArrayList;
import java.util.List;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The paged read exports use: periods within a range, a region's subtree, keyset cursors. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class ObservationPagingIntegrationTests {

	static final String CITY = "city-341500";

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
	}

	@Test
	void pagesThroughACitysSubtreeInKeyOrderUntilNoCursorIsLeft() {
		List<String> keys = readAll("/api/v1/observations?indicator=OUTPATIENT_VISITS&region=341500&subtree=true&from=2024&to=2025&limit=2",
				CITY);

		// 2023 lies outside the range; BIRTHS was not asked for
		assertThat(keys).containsExactly("OUTPATIENT_VISITS|341502|202412", "OUTPATIENT_VISITS|341522|202401",
				"OUTPATIENT_VISITS|341522|2025", "OUTPATIENT_VISITS|341523|202401", "OUTPATIENT_VISITS|341523|202402",
				"OUTPATIENT_VISITS|341523|2024Q1");
	}

	@Test
	void takesOnlyPeriodsThatLieWhollyWithinTheRange() {
		List<String> keys = readAll("/api/v1/observations?region=341523&from=2024Q1&to=2024Q1", CITY);

		// the months and the quarter itself, but not the year 2024, which reaches beyond the quarter
		assertThat(keys).containsExactly("OUTPATIENT_VISITS|341523|202401", "OUTPATIENT_VISITS|341523|202402",
				"OUTPATIENT_VISITS|341523|2024Q1");
	}

	@Test
	void readsSeveralIndicatorsAtOnce() {
		List<String> keys = readAll("/api/v1/observations?indicator=BIRTHS&indicator=OUTPATIENT_VISITS&region=341523&from=2024&to=2024",
				CITY);

		assertThat(keys).containsExactly("BIRTHS|341523|2024", "OUTPATIENT_VISITS|341523|202401",
				"OUTPATIENT_VISITS|341523|202402", "OUTPATIENT_VISITS|341523|2024Q1");
	}

	@Test
	void pagesWithoutAPeriodBoundToo() {
		List<String> keys = readAll("/api/v1/observations?indicator=OUTPATIENT_VISITS&limit=3", "county-341522");

		assertThat(keys).containsExactly("OUTPATIENT_VISITS|341522|2023", "OUTPATIENT_VISITS|341522|202401",
				"OUTPATIENT_VISITS|341522|2025");
	}

	@Test
	void aCountySeesOnlyItsOwnRowsAndNotItsCity() {
		assertThat(readAll("/api/v1/observations?from=2024&to=2025&limit=1", "county-341503"))
			.containsExactly("BIRTHS|341503|202406");
		assertThat(this.api.get("county-341503", "/api/v1/observations?region=341500&subtree=true&from=2024&to=2025"))
			.hasStatus(404);
	}

	@Test
	void theCountryRootOfThePlatformsOwnServicesReadsEveryRegion() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/observations?indicator=BIRTHS&from=2024&to=2024")
			.header("Authorization", "Bearer " + TestTokens.token("export-service", "000000", "read"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(keys(this.api.json(result))).containsExactly("BIRTHS|341503|202406", "BIRTHS|341523|2024");
	}

	@Test
	void aRowWrittenBehindTheCursorNeitherShiftsNorRepeatsTheNextPage() {
		String uri = "/api/v1/observations?region=341523&from=2024&to=2024&limit=2";
		MvcTestResult first = this.api.get(CITY, uri);
		String cursor = first.getResponse().getHeader("X-Next-Cursor");
		assertThat(keys(this.api.json(first))).containsExactly("BIRTHS|341523|2024", "OUTPATIENT_VISITS|341523|202401");

		write(batch(row("BIRTHS", "341523", "202401", 500)));
		List<String> rest = readAll(uri, CITY, cursor);

		assertThat(rest).containsExactly("OUTPATIENT_VISITS|341523|202402", "OUTPATIENT_VISITS|341523|2024Q1");
	}

	@Test
	void answersTheUnpagedQueryOfEarlierCallersAsBefore() {
		MvcTestResult result = this.api.get(CITY, "/api/v1/observations?region=341523");

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("X-Next-Cursor")).isNull();
		assertThat(this.api.json(result)).hasSize(4);
	}

	@Test
	void refusesABadRangeOrLimitNamingTheField() {
		assertField(this.api.get(CITY, "/api/v1/observations?from=2024"), "to");
		assertField(this.api.get(CITY, "/api/v1/observations?from=2025&to=2024Q4"), "to");
		assertField(this.api.get(CITY, "/api/v1/observations?from=2024Q5&to=2025"), "from");
		assertField(this.api.get(CITY, "/api/v1/observations?period=2024&from=2024&to=2024"), "period");
		assertField(this.api.get(CITY, "/api/v1/observations?limit=50001"), "limit");
		assertField(this.api.get(CITY, "/api/v1/observations?limit=0"), "limit");
	}

	private void assertField(MvcTestResult result, String field) {
		assertThat(result).hasStatus(400);
		assertThat(this.api.json(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private List<String> readAll(String uri, String client) {
		return readAll(uri, client, null);
	}

	private List<String> readAll(String uri, String client, String after) {
		List<String> keys = new ArrayList<>();
		String next = after == null ? uri : uri + "&after=" + after;
		for (int pages = 0; next != null; pages++) {
			assertThat(pages).as("pages").isLessThan(50);
			MvcTestResult result = this.api.get(client, next);
			assertThat(result).hasStatusOk();
			keys.addAll(keys(this.api.json(result)));
			String cursor = result.getResponse().getHeader("X-Next-Cursor");
			next = cursor == null ? null : uri + "&after=" + cursor;
		}
		return keys;
	}

	private static List<String> keys(JsonNode rows) {
		List<String> keys = new ArrayList<>();
		rows.forEach(row -> keys.add(row.get("indicator").asString() + "|" + row.get("region").asString() + "|"
				+ row.get("period").asString()));
		return keys;
	}

	private void write(String body) {
		this.api.write(CITY, body);
	}

}
