package io.healthstats.report.web;

import java.util.ArrayList;
import java.util.List;

import io.healthstats.report.Api;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test lists its own period (a month nobody else reports on), as the database is shared. */
@ReportServiceTest
class ReportListIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCityListsTheReportsOfItsCountiesAndACountyOnlyItsOwn() {
		String shucheng = create("county-341523", "341523", "209001");
		String jinan = create("county-341502", "341502", "209001");

		JsonNode city = Api.json(Api.as(this.mvc, "city-341500").get("?period=209001"));
		JsonNode county = Api.json(Api.as(this.mvc, "county-341523").get("?period=209001"));

		assertThat(ids(city)).containsExactlyInAnyOrder(shucheng, jinan);
		assertThat(city.get("page").get("totalElements").asInt()).isEqualTo(2);
		assertThat(ids(county)).containsExactly(shucheng);
		assertThat(county.get("content").get(0).has("text")).isFalse();
	}

	@Test
	void regionFilterCoversItsSubtree() {
		String shucheng = create("county-341523", "341523", "209002");
		create("county-341502", "341502", "209002");

		JsonNode one = Api.json(Api.as(this.mvc, "city-341500").get("?period=209002&region=341523"));
		JsonNode all = Api.json(Api.as(this.mvc, "province-340000").get("?period=209002&region=341500"));

		assertThat(ids(one)).containsExactly(shucheng);
		assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(2);
	}

	@Test
	void filtersByStatusAndKindAndPages() {
		String first = create("county-341524", "341524", "209003");
		String second = create("county-341524", "341524", "209003");
		assertThat(Api.as(this.mvc, "county-341524").step(first, "submit", null)).hasStatusOk();

		JsonNode submitted = Api.json(Api.as(this.mvc, "county-341524").get("?period=209003&status=SUBMITTED"));
		JsonNode plans = Api.json(Api.as(this.mvc, "county-341524").get("?period=209003&kind=WORK_PLAN"));
		JsonNode pageOne = Api.json(Api.as(this.mvc, "county-341524").get("?period=209003&size=1&page=1"));

		assertThat(ids(submitted)).containsExactly(first);
		assertThat(plans.get("content").size()).isZero();
		assertThat(pageOne.get("content").size()).isEqualTo(1);
		assertThat(pageOne.get("page").get("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(pageOne)).containsAnyOf(first, second);
	}

	@Test
	void aCountyCannotListAnotherCountysReports() {
		MvcTestResult result = Api.as(this.mvc, "county-341523").get("?region=341502");

		assertThat(result).hasStatus(403);
		assertThat(Api.json(result).get("type").asString()).isEqualTo("https://healthstats.io/problems/forbidden-region");
	}

	@Test
	void rejectsBadFiltersNamingEachOne() {
		MvcTestResult result = Api.as(this.mvc, "city-341500").get("?region=3415&period=2024Q5&status=DONE&kind=X&size=500");

		assertThat(result).hasStatus(400);
		assertThat(ReportDocumentsIntegrationTests.errors(Api.json(result))).containsOnlyKeys("region", "period", "status",
				"kind", "size");
	}

	private String create(String client, String region, String period) {
		return Api.as(this.mvc, client)
			.createdId(Fixtures.report("月报 " + period, region, period, "MONTHLY_REPORT", "一、本月工作\n全县门诊诊疗人次3.6万人次。"));
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("content").forEach((report) -> ids.add(report.get("id").asString()));
		return ids;
	}

}
