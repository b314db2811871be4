package io.healthstats.indicator;

import io.healthstats.localinfra.InfrastructureConfiguration;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A client adds regions only inside its own subtree; a refused addition stores nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(InfrastructureConfiguration.class)
class RegionWriteIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aProvinceClientCannotAddANeighbouringProvince() {
		MvcTestResult answer = add(TestTokens.forClient("province-340000"), "{\"code\":\"320000\",\"name\":\"江苏省\"}");

		assertThat(answer).hasStatus(403);
		assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(read("320000")).hasStatus(404);
	}

	@Test
	void aClientOfTheWholeCountryAddsAProvince() {
		MvcTestResult answer = add(TestTokens.token("national-platform", "000000", "read", "write"),
				"{\"code\":\"330000\",\"name\":\"浙江省\"}");

		assertThat(answer).hasStatus(201);
		assertThat(read("330000")).hasStatus(200).bodyJson().extractingPath("$.level").isEqualTo("PROVINCE");
	}

	@Test
	void aCountyClientCannotAddARegionBeneathItsCityAndLearnsNoMoreThanForAMissingParent() throws Exception {
		MvcTestResult beneathCity = add(TestTokens.forClient("county-341523"),
				"{\"code\":\"341598\",\"name\":\"探针区\",\"parent\":\"341500\"}");
		MvcTestResult beneathNothing = add(TestTokens.forClient("county-341523"),
				"{\"code\":\"341798\",\"name\":\"探针区\",\"parent\":\"341700\"}");

		assertThat(beneathCity).hasStatus(404);
		assertThat(beneathNothing).hasStatus(404);
		assertThat(beneathCity.getResponse().getContentAsString().replace("341500", "?"))
			.isEqualTo(beneathNothing.getResponse().getContentAsString().replace("341700", "?"));
		assertThat(read("341598")).hasStatus(404);
	}

	@Test
	void aReadOnlyPartnerCannotAddARegionEvenInsideItsOwn() {
		MvcTestResult answer = add(TestTokens.forClient("partner-demo"), "{\"code\":\"341597\",\"name\":\"探针区\",\"parent\":\"341500\"}");

		assertThat(answer).hasStatus(403);
		assertThat(read("341597")).hasStatus(404);
	}

	@Test
	void aBodyDeclaredAsAnyTypeIsAnUnsupportedMediaTypeAndStoresNothing() {
		MvcTestResult answer = this.mvc.post()
			.uri("/api/v1/regions")
			.header("Authorization", "Bearer " + TestTokens.forClient("city-341500"))
			.header("Content-Type", "*/*")
			.content("{\"code\":\"341596\",\"name\":\"探针区\",\"parent\":\"341500\"}")
			.exchange();

		assertThat(answer).hasStatus(415);
		assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(read("341596")).hasStatus(404);
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequestProblemWithItsType() {
		MvcTestResult answer = add(TestTokens.forClient("city-341500"), "{\"code\":");

		assertThat(answer).hasStatus(400);
		assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("https://healthstats.io/problems/bad-request");
	}

	@Test
	void aMethodTheRegionsDoNotTakeIsAMethodNotAllowedProblemWithItsType() {
		MvcTestResult answer = this.mvc.patch()
			.uri("/api/v1/regions")
			.header("Authorization", "Bearer " + TestTokens.forClient("city-341500"))
			.exchange();

		assertThat(answer).hasStatus(405);
		assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("https://healthstats.io/problems/method-not-allowed");
	}

	private MvcTestResult add(String token, String body) {
		return this.mvc.post()
			.uri("/api/v1/regions")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult read(String code) {
		return this.mvc.get()
			.uri("/api/v1/regions/" + code)
			.header("Authorization", "Bearer " + TestTokens.forClient("province-340000"))
			.exchange();
	}

}
