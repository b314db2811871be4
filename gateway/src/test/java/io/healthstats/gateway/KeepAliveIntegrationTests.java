package io.healthstats.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client keeping its connection alive (Prometheus scraping, a dashboard polling health) gets every answer.
 * Reactor Netty 1.3.6's server sometimes stopped reading such a connection after an answer completed off its
 * event loop — actuator endpoints answer on boundedElastic — so the next request on it waited until the
 * client gave up (reactor-netty#4188, #4361; fixed in the 1.3.8 the root pom asks for), and the exchange
 * fails after WebTestClient's 5 s. Against 1.3.6 such a loop hung within 900–3,600 requests in every try;
 * against 1.3.8 it ran 52,000 without one.
 */
@GatewayIntegrationTest
class KeepAliveIntegrationTests {

	private static final int ROUNDS = 1500;

	@Autowired
	WebTestClient client;

	@Test
	void answersEveryRequestOnAKeptAliveConnectionAfterActuatorAnswers() {
		for (int i = 0; i < ROUNDS; i++) {
			// each exchange fails the test if no answer comes within 5 s; the scrape's whole body is read
			this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
			String metrics = this.client.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(metrics).endsWith("\n");
		}
	}

}
