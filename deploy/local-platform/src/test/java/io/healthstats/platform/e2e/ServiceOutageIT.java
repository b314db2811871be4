package io.healthstats.platform.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service of the real platform stops: within seconds the gateway answers its paths with 503
 * problem+json (and the other services go on); the service starts again and the gateway, never
 * restarted, serves it again by itself once the circuit breaker's trial calls succeed.
 *
 * <p>It disturbs the platform the other tests share, so it runs after them ({@code @Order}, see
 * junit-platform.properties) and leaves the service running and healthy.
 */
@Order(Integer.MAX_VALUE)
class ServiceOutageIT {

	private static final String SERVICE = "report-service";

	private static final String PATH = "/api/v1/reports?region=341523&size=5";

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	@Test
	void aStoppedServiceIsAnswered503AndTheGatewayHealsWithoutARestart() {
		assertThat(read().status()).as("before").isEqualTo(200);
		long gateway = ServiceProcess.of("gateway").pid();
		ServiceProcess service = ServiceProcess.of(SERVICE);

		long stopping = System.nanoTime();
		service.stop();
		Answer down = awaitStatus(503, Duration.ofSeconds(10));
		double noticed = seconds(stopping);

		assertThat(down.isProblem()).as(down.toString()).isTrue();
		JsonNode problem = down.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://healthstats.io/problems/service-unavailable");
		assertThat(problem.get("detail").asString()).contains(SERVICE);
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		// nothing of the failure inside: no host, port or exception
		assertThat(down.body()).doesNotContain("localhost").doesNotContain("Exception").doesNotContain("refused");
		Answer write = this.calls.send(Call.of("POST", "/api/v1/reports/" + "00000000-0000-4000-8000-000000000000/submit")
			.as("county-341523").body("application/json", "{}"));
		assertThat(write.status()).as(write.toString()).isEqualTo(503);
		assertThat(this.calls.get("county-341523", "/api/v1/indicators/BIRTHS").status()).as("the other services").isEqualTo(200);

		long starting = System.nanoTime();
		service.start();
		awaitHealthy(this.calls.platform().service(SERVICE), Duration.ofMinutes(3));
		double healthy = seconds(starting);
		long healing = System.nanoTime();
		Answer back = awaitStatus(200, Duration.ofSeconds(40));
		double healed = seconds(healing);

		assertThat(back.json().get("content")).isNotEmpty();
		assertThat(ServiceProcess.of("gateway").pid()).as("the same gateway process").isEqualTo(gateway);
		System.out.printf("[outage] %s stopped: 503 after %.1f s; started again: healthy after %.1f s, "
				+ "served through the gateway %.1f s later%n", SERVICE, noticed, healthy, healed);
	}

	private Answer read() {
		return this.calls.send(Call.of("GET", PATH).as("county-341523"));
	}

	private Answer awaitStatus(int status, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		Answer answer = read();
		while (answer.status() != status && System.nanoTime() < deadline) {
			GatewayCalls.sleep(500);
			answer = read();
		}
		assertThat(answer.status()).as("after %s: %s", within, answer).isEqualTo(status);
		return answer;
	}

	private void awaitHealthy(URI service, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		HttpRequest health = HttpRequest.newBuilder(service.resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = this.calls.platform().http().send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (Exception ex) {
				// not listening yet
			}
			GatewayCalls.sleep(500);
		}
		throw new AssertionError(SERVICE + " was not healthy " + within + " after it was started again");
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
