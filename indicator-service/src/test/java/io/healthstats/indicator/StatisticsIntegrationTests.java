package io.healthstats.indicator;

import java.math.BigDecimal;

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
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.healthstats.indicator.IndicatorApi.batch;
import static io.healthstats.indicator.IndicatorApi.rate;
import static io.healthstats.indicator.IndicatorApi.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The statistics rules of DESIGN.md §3, with every expected number computed by hand. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class StatisticsIntegrationTests {

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
	}

	@Test
	void rollsUpCountsOverMonthsAndCounties() {
		write(batch(row("OUTPATIENT_VISITS", "341523", "202401", 100), row("OUTPATIENT_VISITS", "341523", "202402", 200),
				row("OUTPATIENT_VISITS", "341523", "202403", 300), row("OUTPATIENT_VISITS", "341522", "202401", 50)));

		JsonNode quarter = point(series("OUTPATIENT_VISITS", "341500", "2024Q1", "2024Q1", "QUARTER"), 0);
		assertThat(decimal(quarter, "value")).isEqualByComparingTo("650"); // 100+200+300 + 50
		assertThat(quarter.get("contributors").asInt()).isEqualTo(2);
		JsonNode january = point(series("OUTPATIENT_VISITS", "341500", "202401", "202401", "MONTH"), 0);
		assertThat(decimal(january, "value")).isEqualByComparingTo("150");
		JsonNode year = point(this.api.getJson("province-340000",
				"/api/v1/indicators/OUTPATIENT_VISITS/series?region=340000&from=2024&to=2024&granularity=YEAR"), 0);
		assertThat(decimal(year, "value")).isEqualByComparingTo("650");
	}

	@Test
	void takesTheLastStockOfAPeriodInsteadOfSummingOverTime() {
		write(batch(row("LICENSED_PHYSICIANS", "341523", "2024Q1", 1500), row("LICENSED_PHYSICIANS", "341523", "2024Q2", 1505),
				row("LICENSED_PHYSICIANS", "341522", "2024Q1", 800)));

		assertThat(decimal(point(series("LICENSED_PHYSICIANS", "341523", "2024", "2024", "YEAR"), 0), "value"))
			.isEqualByComparingTo("1505"); // not 1500 + 1505
		assertThat(decimal(point(series("LICENSED_PHYSICIANS", "341500", "2024", "2024", "YEAR"), 0), "value"))
			.isEqualByComparingTo("2305"); // 1505 + 800, summed over counties
		JsonNode q2 = point(series("LICENSED_PHYSICIANS", "341500", "2024Q2", "2024Q2", "QUARTER"), 0);
		assertThat(decimal(q2, "value")).isEqualByComparingTo("1505");
		assertThat(q2.get("contributors").asInt()).isEqualTo(1);
	}

	@Test
	void rollsUpRateAsRatioOfSumsNeverAnAverage() {
		write(batch(rate("HEALTH_CHECK_COMPLETION_RATE", "341523", "2023", 26071, 39229),
				rate("HEALTH_CHECK_COMPLETION_RATE", "341522", "2023", 24390, 28516)));

		JsonNode city = point(series("HEALTH_CHECK_COMPLETION_RATE", "341500", "2023", "2023", "YEAR"), 0);
		// (26071 + 24390) / (39229 + 28516) × 100 = 50461 / 67745 × 100; the average of rates would be 75.99
		assertThat(decimal(city, "numerator")).isEqualByComparingTo("50461");
		assertThat(decimal(city, "denominator")).isEqualByComparingTo("67745");
		assertThat(decimal(city, "value")).isEqualByComparingTo("74.48667798361503");
	}

	@Test
	void reportsYearOverYearInPercentAndRatesInPercentagePoints() {
		write(batch(row("OUTPATIENT_VISITS", "341523", "2023Q1", 500), row("OUTPATIENT_VISITS", "341523", "202401", 100),
				row("OUTPATIENT_VISITS", "341523", "202402", 200), row("OUTPATIENT_VISITS", "341523", "202403", 300),
				rate("HEALTH_CHECK_COMPLETION_RATE", "341523", "2023", 6000, 10000),
				rate("HEALTH_CHECK_COMPLETION_RATE", "341523", "2024", 6650, 10000)));

		JsonNode q1 = point(series("OUTPATIENT_VISITS", "341523", "2024Q1", "2024Q1", "QUARTER"), 0);
		assertThat(decimal(q1, "yoy")).isEqualByComparingTo("20"); // (600 − 500) / 500 = +20 %
		assertThat(q1.get("pop").isNull()).isTrue(); // 2023Q4 has no data: null, not −100 % or +∞
		JsonNode rate2024 = point(series("HEALTH_CHECK_COMPLETION_RATE", "341523", "2024", "2024", "YEAR"), 0);
		assertThat(decimal(rate2024, "yoy")).isEqualByComparingTo("6.5"); // 66.5 % − 60 % = 6.5 percentage points
	}

	@Test
	void leavesPeriodsWithoutDataNullRatherThanZero() {
		write(batch(row("BIRTHS", "341523", "202401", 560)));

		JsonNode points = series("BIRTHS", "341523", "2024Q1", "2024Q4", "QUARTER").get("points");
		assertThat(points).hasSize(4);
		assertThat(decimal(points.get(0), "value")).isEqualByComparingTo("560");
		for (int i = 1; i < 4; i++) {
			assertThat(points.get(i).get("value").isNull()).isTrue();
			assertThat(points.get(i).get("contributors").asInt()).isZero();
		}
	}

	@Test
	void keepsRevisionsAndIgnoresIdenticalResends() {
		write(batch(row("VACCINE_DOSES", "341523", "202401", 100)));
		write(batch(row("VACCINE_DOSES", "341523", "202401", 120)));
		JsonNode resend = this.api.json(this.api.post(CITY, batch(row("VACCINE_DOSES", "341523", "202401", 120))));

		assertThat(resend.get("unchanged").asInt()).isEqualTo(1);
		assertThat(decimal(point(series("VACCINE_DOSES", "341500", "2024", "2024", "YEAR"), 0), "value")).isEqualByComparingTo("120");
		JsonNode history = this.api.getJson(CITY, "/api/v1/observations?indicator=VACCINE_DOSES&region=341523&period=202401&history=true");
		assertThat(history.get(0).get("revision").asInt()).isEqualTo(2);
		assertThat(history.get(0).get("history")).hasSize(2);
		assertThat(history.get(0).get("history").get(0).get("source").get("id").asString()).isEqualTo(CITY);
	}

	@Test
	void showsBothValuesWhenAReportedQuarterDisagreesWithItsMonths() {
		write(batch(row("OUTPATIENT_VISITS", "341523", "202401", 100), row("OUTPATIENT_VISITS", "341523", "202402", 200),
				row("OUTPATIENT_VISITS", "341523", "202403", 300), row("OUTPATIENT_VISITS", "341523", "2024Q1", 650),
				row("OUTPATIENT_VISITS", "341522", "2024Q1", 50)));

		JsonNode county = point(series("OUTPATIENT_VISITS", "341523", "2024Q1", "2024Q1", "QUARTER"), 0);
		assertThat(decimal(county, "value")).isEqualByComparingTo("650");
		assertThat(decimal(county, "rolledUp")).isEqualByComparingTo("600");
		assertThat(county.get("discrepancy").asBoolean()).isTrue();
		// the city counts the county once: its reported 650 plus 341522's 50
		assertThat(decimal(point(series("OUTPATIENT_VISITS", "341500", "2024Q1", "2024Q1", "QUARTER"), 0), "value"))
			.isEqualByComparingTo("700");
	}

	@Test
	void ranksChildRegionsWithMissingOnesLast() {
		write(batch(row("BIRTHS", "341523", "2024", 6685), row("BIRTHS", "341522", "2024", 7012), row("BIRTHS", "341502", "2024", 6685)));

		JsonNode items = this.api.getJson(CITY, "/api/v1/indicators/BIRTHS/breakdown?region=341500&period=2024").get("items");
		assertThat(items).hasSize(7);
		assertThat(items.get(0).get("region").asString()).isEqualTo("341522");
		assertThat(items.get(1).get("rank").asInt()).isEqualTo(2);
		assertThat(items.get(2).get("rank").asInt()).isEqualTo(2); // a tie shares the rank
		assertThat(items.get(3).get("value").isNull()).isTrue();
		assertThat(items.get(6).get("rank").isNull()).isTrue();
	}

	@Test
	void reportsWhichCountiesReportedWhat() {
		write(batch(row("BIRTHS", "341523", "2024Q1", 1600), row("OUTPATIENT_VISITS", "341523", "202402", 90000)));

		JsonNode completeness = this.api.getJson(CITY, "/api/v1/completeness?region=341500&period=2024Q1");
		JsonNode shucheng = null;
		for (JsonNode child : completeness.get("children")) {
			if (child.get("region").asString().equals("341523")) {
				shucheng = child;
			}
		}
		assertThat(shucheng).isNotNull();
		assertThat(shucheng.get("reported").toString()).contains("BIRTHS", "OUTPATIENT_VISITS");
		assertThat(completeness.get("children")).hasSize(7);
		assertThat(completeness.get("expected").asInt()).isEqualTo(18);
	}

	@Test
	void readsCellsSavedBeforeTheirRollupWasSavedWithThem() {
		write(batch(rate("HEALTH_CHECK_COMPLETION_RATE", "341523", "202401", 300, 400),
				rate("HEALTH_CHECK_COMPLETION_RATE", "341522", "202401", 100, 400),
				rate("HEALTH_CHECK_COMPLETION_RATE", "341500", "202401", 390, 800)));
		String saved = series("HEALTH_CHECK_COMPLETION_RATE", "341500", "202401", "202401", "MONTH").toString();
		String breakdown = this.api.getJson(CITY, "/api/v1/indicators/HEALTH_CHECK_COMPLETION_RATE/breakdown?region=341500&period=202401")
			.toString();

		// what the previous version saved: the parts without their roll-up
		this.mongo.getCollection("cells").updateMany(new org.bson.Document(), new org.bson.Document("$unset", new org.bson.Document("rollup", "")));

		JsonNode january = point(series("HEALTH_CHECK_COMPLETION_RATE", "341500", "202401", "202401", "MONTH"), 0);
		assertThat(january.toString()).isEqualTo(point(this.json.readTree(saved), 0).toString());
		assertThat(january.get("rolledUp").toString()).isEqualTo("50"); // (300 + 100) / (400 + 400) %, not 5E+1
		assertThat(decimal(january, "reported")).isEqualByComparingTo("48.75"); // 390 / 800, the city's own report
		assertThat(january.get("discrepancy").asBoolean()).isTrue();
		assertThat(this.api.getJson(CITY, "/api/v1/indicators/HEALTH_CHECK_COMPLETION_RATE/breakdown?region=341500&period=202401")
			.toString()).isEqualTo(breakdown);
	}

	private void write(String body) {
		this.api.write(CITY, body);
	}

	private JsonNode series(String indicator, String region, String from, String to, String granularity) {
		return this.api.getJson(CITY, "/api/v1/indicators/" + indicator + "/series?region=" + region + "&from=" + from + "&to="
				+ to + "&granularity=" + granularity);
	}

	private static JsonNode point(JsonNode series, int index) {
		return series.get("points").get(index);
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		return node.get(field).decimalValue();
	}

}
