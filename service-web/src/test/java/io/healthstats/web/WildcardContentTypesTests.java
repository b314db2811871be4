package io.healthstats.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** A wildcard Content-Type is a 415 problem and never reaches the handler; a concrete one does. */
class WildcardContentTypesTests {

	private final List<String> received = new ArrayList<>();

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Echo(this.received))
		.setControllerAdvice(new Problems())
		.addInterceptors(new WildcardContentTypes.Refusal())
		.build());

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "text/*", "application/*", "*/*; charset=UTF-8" })
	void refusesAWildcardType(String contentType) {
		assertThat(this.mvc.post().uri("/echo").header("Content-Type", contentType).content("{}"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(415);
		assertThat(this.received).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "text/plain" })
	void letsAConcreteTypeThrough(String contentType) {
		assertThat(this.mvc.post().uri("/echo").header("Content-Type", contentType).content("{}")).hasStatusOk();
		assertThat(this.received).containsExactly("{}");
	}

	@RestController
	record Echo(List<String> received) {

		@PostMapping("/echo")
		String echo(@RequestBody String body) {
			this.received.add(body);
			return body;
		}

	}

	@RestControllerAdvice
	static class Problems extends ResponseEntityExceptionHandler {

	}

}
