package io.healthstats.gateway;

import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the caller through the gateway to the service: the W3C {@code traceparent} the
 * service receives continues the caller's trace (same trace id, the gateway's span as parent), so a
 * dashboard's slow request can be followed into the service that served it.
 */
@GatewayIntegrationTest
class TracingIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	@Autowired
	WebTestClient client;

	@Test
	void relaysTheCallersTraceToTheServiceWithTheGatewaysSpanAsParent() {
		this.client.get()
			.uri("/api/v1/indicators/BIRTHS")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
			.header("X-Request-Id", "dashboard-trace-1")
			.exchange()
			.expectStatus()
			.isOk();

		UpstreamStub.Received received = Upstreams.INDICATOR.lastRequest();
		String[] traceparent = received.header("traceparent").split("-");
		assertThat(traceparent[0]).isEqualTo("00");
		assertThat(traceparent[1]).isEqualTo(TRACE_ID);
		assertThat(traceparent[2]).hasSize(16).isNotEqualTo(CALLER_SPAN);
		assertThat(traceparent[3]).isEqualTo("01");
		assertThat(received.header("X-Request-Id")).isEqualTo("dashboard-trace-1");
	}

	@Test
	void startsATraceForACallerWithoutOne() {
		this.client.get()
			.uri("/api/v1/indicators/BIRTHS")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.exchange()
			.expectStatus()
			.isOk();

		String traceparent = Upstreams.INDICATOR.lastRequest().header("traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID);
	}

}
