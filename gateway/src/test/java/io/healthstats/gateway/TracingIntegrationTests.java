package io.healthstats.gateway;

import java.time.Duration;

import io.healthstats.localinfra.TestTokens;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the caller through the gateway to the service: the W3C {@code traceparent} the
 * service receives continues the caller's trace (same trace id, the gateway's span as parent), so a
 * dashboard's slow request can be followed into the service that served it, and the gateway's
 * access log line for the request carries the same trace id and the request's {@code X-Request-Id}.
 */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
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
	void logsEachRequestWithItsTraceIdAndRequestId(CapturedOutput output) {
		this.client.get()
			.uri("/api/v1/indicators/BIRTHS")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
			.header("X-Request-Id", "dashboard-trace-2")
			.exchange()
			.expectStatus()
			.isOk();

		// the access line is written once the answer has gone out
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut().lines())
				.filteredOn(line -> line.contains("id=dashboard-trace-2"))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("[gateway," + TRACE_ID + ",")
				.contains("GET /api/v1/indicators/BIRTHS 200"));
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
