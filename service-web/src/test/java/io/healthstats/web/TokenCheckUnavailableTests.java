package io.healthstats.web;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** A token the security chain could not check is a 503 problem with Retry-After; everything else passes as it was. */
class TokenCheckUnavailableTests {

	@Test
	void answersATokenThatCouldNotBeCheckedWith503() {
		// what Spring Security's bearer-token filter throws when the key set did not answer
		Filter keySetDown = (request, response, chain) -> {
			throw new AuthenticationServiceException("An error occurred while attempting to decode the Jwt: Read timed out");
		};
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Hello())
			.addFilters(new TokenCheckUnavailable.Answer(), keySetDown)
			.build());

		assertThat(mvc.get().uri("/hello")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "5")
			.hasContentTypeCompatibleWith("application/problem+json")
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://healthstats.io/problems/token-check-unavailable");
	}

	@Test
	void letsEverythingElseThrough() {
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Hello())
			.addFilters(new TokenCheckUnavailable.Answer())
			.build());

		assertThat(mvc.get().uri("/hello")).hasStatusOk().hasBodyTextEqualTo("你好");
	}

	@RestController
	static class Hello {

		@GetMapping(value = "/hello", produces = "text/plain;charset=UTF-8")
		String hello() {
			return "你好";
		}

	}

}
