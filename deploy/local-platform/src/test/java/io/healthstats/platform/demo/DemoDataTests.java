package io.healthstats.platform.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader against a stand-in for the authorization server and the two services. */
class DemoDataTests {

	@TempDir
	Path markers;

	private HttpServer server;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private volatile int observationStatus = 200;

	private volatile String observationBody = "{\"accepted\":152,\"created\":152,\"revised\":0,\"unchanged\":0,\"flagged\":[],\"rejected\":[]}";

	private volatile int reportStatus = 201;

	@BeforeEach
	void startStandIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/oauth2/token", exchange -> answer(exchange, 200, "{\"access_token\":\"token-of-"
				+ new String(java.util.Base64.getDecoder().decode(exchange.getRequestHeaders().getFirst("Authorization").substring(6)),
						StandardCharsets.UTF_8).split(":")[0] + "\"}"));
		this.server.createContext("/api/v1/observations", exchange -> answer(exchange, this.observationStatus, this.observationBody));
		this.server.createContext("/api/v1/reports", exchange -> {
			exchange.getResponseHeaders().add("Location", "/api/v1/reports/" + this.calls.size());
			answer(exchange, this.reportStatus, "{}");
		});
		this.server.start();
	}

	@AfterEach
	void stopStandIn() {
		this.server.stop(0);
	}

	@Test
	void postsObservationsAsTheCityAndEachReportAsItsCountyOnce() {
		List<String> outcome = demoData().loadOnce();

		assertThat(outcome.get(0)).startsWith("2128 demo observations posted").contains("2128 stored");
		assertThat(outcome.get(1)).isEqualTo("Loaded 7 demo reports (2024 annual summaries)");
		assertThat(this.calls).filteredOn(call -> call.startsWith("POST /api/v1/observations"))
			.hasSize(14)
			.allMatch(call -> call.endsWith("Bearer token-of-city-341500"));
		assertThat(this.calls).filteredOn(call -> call.startsWith("POST /api/v1/reports"))
			.containsExactly("POST /api/v1/reports Bearer token-of-county-341502", "POST /api/v1/reports Bearer token-of-county-341503",
					"POST /api/v1/reports Bearer token-of-county-341504", "POST /api/v1/reports Bearer token-of-county-341522",
					"POST /api/v1/reports Bearer token-of-county-341523", "POST /api/v1/reports Bearer token-of-county-341524",
					"POST /api/v1/reports Bearer token-of-county-341525");

		this.calls.clear();
		List<String> again = demoData().loadOnce();

		assertThat(again.get(0)).startsWith("Demo observations already loaded");
		assertThat(again.get(1)).isEqualTo("Demo reports already loaded (7 counties)");
		assertThat(this.calls).noneMatch(call -> call.startsWith("POST /api"));
	}

	@Test
	void warnsAndRetriesNextTimeWhenAnEndpointIsNotBuiltYet() {
		this.observationStatus = 404;
		this.reportStatus = 405;

		List<String> outcome = demoData().loadOnce();

		assertThat(outcome.get(0)).startsWith("WARNING: demo observations not loaded")
			.contains("indicator-service does not implement POST /api/v1/observations yet (HTTP 404)")
			.endsWith("retried on next start");
		assertThat(outcome.get(1)).contains("report-service does not implement POST /api/v1/reports yet (HTTP 405)");

		this.observationStatus = 200;
		this.reportStatus = 201;
		assertThat(demoData().loadOnce()).containsExactly(
				"2128 demo observations posted (7 counties, monthly and quarterly, 2024-2025): 2128 stored, 0 already there",
				"Loaded 7 demo reports (2024 annual summaries)");
	}

	@Test
	void rejectedRowsAreReportedAndPostedAgainNextTime() {
		this.observationBody = "{\"accepted\":151,\"created\":151,\"unchanged\":0,\"rejected\":[{\"index\":0,\"errors\":[\"Region unknown\"]}]}";

		String outcome = demoData().loadOnce().get(0);

		assertThat(outcome).startsWith("WARNING:").contains("14 rejected").contains("OUTPATIENT_VISITS").contains("Region unknown");
		this.calls.clear();
		demoData().loadOnce();
		assertThat(this.calls).filteredOn(call -> call.startsWith("POST /api/v1/observations")).hasSize(14);
	}

	private DemoData demoData() {
		URI base = URI.create("http://localhost:" + this.server.getAddress().getPort());
		return new DemoData(HttpClient.newHttpClient(), this.markers, base, base, base);
	}

	private void answer(HttpExchange exchange, int status, String body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + authorization);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
