package io.healthstats.platform.e2e;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's numbers as a county and the city see them through the gateway, with figures computed by
 * hand. Years 2031–2032 hold no demo data, so every value below comes from these rows alone.
 */
class IndicatorStatisticsIT {

	private final RunningPlatform platform = RunningPlatform.shared();

	@Test
	void aRateOfTheCityIsTheRatioOfItsCountiesSumsAndItsChangeIsInPercentagePoints() {
		write("county-341524", """
				[{"indicator":"HEALTH_CHECK_COMPLETION_RATE","region":"341524","period":"2031Q1","numerator":300,"denominator":400},
				 {"indicator":"HEALTH_CHECK_COMPLETION_RATE","region":"341524","period":"2032Q1","numerator":360,"denominator":400}]""");
		write("county-341525", """
				[{"indicator":"HEALTH_CHECK_COMPLETION_RATE","region":"341525","period":"2031Q1","numerator":100,"denominator":600},
				 {"indicator":"HEALTH_CHECK_COMPLETION_RATE","region":"341525","period":"2032Q1","numerator":240,"denominator":600}]""");

		JsonNode points = series("city-341500", "HEALTH_CHECK_COMPLETION_RATE", "341500", "2031Q1", "2032Q1", "QUARTER");
		// (300 + 100) / (400 + 600) = 40 %, not the mean of 75 % and 16.67 % (45.83 %)
		assertThat(point(points, "2031Q1").get("value").decimalValue()).isEqualByComparingTo("40");
		assertThat(point(points, "2031Q1").get("denominator").decimalValue()).isEqualByComparingTo("1000");
		assertThat(point(points, "2031Q1").get("contributors").asInt()).isEqualTo(2);
		// (360 + 240) / 1000 = 60 %: 同比 +20 percentage points
		assertThat(point(points, "2032Q1").get("value").decimalValue()).isEqualByComparingTo("60");
		assertThat(point(points, "2032Q1").get("yoy").decimalValue()).isEqualByComparingTo("20");
		// quarters without data are gaps, not zeros
		assertThat(point(points, "2031Q2").get("value").isNull()).isTrue();
	}

	@Test
	void aStockIsItsLastValueAndACountSumsWithGapsLeftEmpty() {
		write("county-341525", """
				[{"indicator":"POPULATION","region":"341525","period":"203101","value":997800},
				 {"indicator":"POPULATION","region":"341525","period":"203102","value":998100},
				 {"indicator":"POPULATION","region":"341525","period":"203103","value":998400},
				 {"indicator":"BIRTHS","region":"341525","period":"203101","value":500},
				 {"indicator":"BIRTHS","region":"341525","period":"203103","value":520}]""");

		JsonNode population = series("county-341525", "POPULATION", "341525", "2031Q1", "2031Q1", "QUARTER");
		assertThat(point(population, "2031Q1").get("value").decimalValue()).isEqualByComparingTo("998400");

		JsonNode births = series("county-341525", "BIRTHS", "341525", "203101", "203104", "MONTH");
		assertThat(point(births, "203101").get("value").decimalValue()).isEqualByComparingTo("500");
		assertThat(point(births, "203102").get("value").isNull()).isTrue();
		assertThat(point(births, "203103").get("pop").isNull()).as("环比 against a gap").isTrue();
		assertThat(point(births, "203104").get("value").isNull()).isTrue();
		JsonNode quarter = series("county-341525", "BIRTHS", "341525", "2031Q1", "2031Q1", "QUARTER");
		assertThat(point(quarter, "2031Q1").get("value").decimalValue()).isEqualByComparingTo("1020");
	}

	@Test
	void aResentRowChangesNothingAndANewValueIsARevision() {
		String row = "[{\"indicator\":\"BIRTHS\",\"region\":\"341524\",\"period\":\"203201\",\"value\":%s}]";
		write("county-341524", row.formatted(410));
		write("county-341524", row.formatted(410));
		JsonNode unchanged = observations("county-341524", "BIRTHS", "341524", "203201", false);
		assertThat(unchanged.get(0).get("revision").asInt()).isEqualTo(1);

		write("county-341524", row.formatted(415));
		JsonNode revised = observations("county-341524", "BIRTHS", "341524", "203201", true);
		assertThat(revised.get(0).get("value").decimalValue()).isEqualByComparingTo("415");
		assertThat(revised.get(0).get("history")).hasSize(2);
		assertThat(revised.get(0).get("source").get("id").asString()).isEqualTo("county-341524");
		assertThat(point(series("county-341524", "BIRTHS", "341524", "2032Q1", "2032Q1", "QUARTER"), "2032Q1")
			.get("value").decimalValue()).isEqualByComparingTo("415");
	}

	@Test
	void aCountyWritesAndReadsOnlyItsOwnRegionAndBadRowsAreRejectedWithReasons() {
		HttpResponse<String> mixed = this.platform.send("county-341522", this.platform.post("/api/v1/observations",
				"application/json", """
						[{"indicator":"BIRTHS","region":"341522","period":"203105","value":611},
						 {"indicator":"BIRTHS","region":"341523","period":"203105","value":1},
						 {"indicator":"BIRTHS","region":"341522","period":"2031Q5","value":1},
						 {"indicator":"NO_SUCH_INDICATOR","region":"341522","period":"203105","value":1},
						 {"indicator":"BIRTHS","region":"341522","period":"203106","value":-3},
						 {"indicator":"HEALTH_CHECK_COMPLETION_RATE","region":"341522","period":"2031Q2","numerator":5}]"""));
		JsonNode result = RunningPlatform.json(mixed, 200);
		assertThat(result.get("accepted").asInt()).isEqualTo(1);
		assertThat(result.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 2, 3, 4, 5);

		// the row for the neighbouring county stored nothing, and the neighbour's data stays invisible
		assertThat(observations("county-341523", "BIRTHS", "341523", "203105", false)).isEmpty();
		HttpResponse<String> foreign = this.platform.send("county-341522",
				this.platform.request("/api/v1/indicators/BIRTHS/series?region=341523&from=2031&to=2031&granularity=YEAR").GET());
		assertThat(foreign.statusCode()).isEqualTo(404);
		HttpResponse<String> unparseable = this.platform.send("county-341522",
				this.platform.post("/api/v1/observations", "application/json", "[{\"indicator\":"));
		assertThat(unparseable.statusCode()).isEqualTo(400);
		HttpResponse<String> badPeriod = this.platform.send("county-341522",
				this.platform.request("/api/v1/indicators/BIRTHS/series?region=341522&from=2031Q5&to=2032&granularity=YEAR").GET());
		assertThat(badPeriod.statusCode()).isEqualTo(400);
		assertThat(badPeriod.body()).contains("2031Q5");
	}

	private void write(String client, String rows) {
		JsonNode result = RunningPlatform.json(this.platform.send(client,
				this.platform.post("/api/v1/observations", "application/json", rows)), 200);
		assertThat(result.get("rejected")).as(result.toString()).isEmpty();
	}

	private JsonNode series(String client, String indicator, String region, String from, String to, String granularity) {
		return RunningPlatform.json(this.platform.send(client, this.platform.request("/api/v1/indicators/" + indicator
				+ "/series?region=" + region + "&from=" + from + "&to=" + to + "&granularity=" + granularity).GET()), 200)
			.get("points");
	}

	private JsonNode observations(String client, String indicator, String region, String period, boolean history) {
		return RunningPlatform.json(this.platform.send(client, this.platform.request("/api/v1/observations?indicator="
				+ indicator + "&region=" + region + "&period=" + period + "&history=" + history).GET()), 200);
	}

	private static JsonNode point(JsonNode points, String period) {
		for (JsonNode point : points) {
			if (point.get("period").asString().equals(period)) {
				return point;
			}
		}
		throw new AssertionError("no point " + period + " in " + points);
	}

}
