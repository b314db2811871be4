package io.healthstats.report.region;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Against a stand-in for the indicator-service's {@code GET /api/v1/regions/{code}}. */
class IndicatorServiceRegionDirectoryTests {

	private final Caller caller = new Caller("county-341523", "341523", "the-callers-token");

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/api/v1/regions/", (exchange) -> {
			String code = exchange.getRequestURI().getPath().substring("/api/v1/regions/".length());
			this.requests.add(code + " " + exchange.getRequestHeaders().getFirst("Authorization"));
			int status = switch (code) {
				case "341523" -> 200;
				case "341599" -> 404;
				default -> 500;
			};
			byte[] body = (status == 200) ? "{\"code\":\"341523\",\"name\":\"舒城县\"}".getBytes() : new byte[0];
			exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void asksWithTheCallersOwnTokenAndRemembersWhatExists() {
		RegionDirectory directory = directory("http://localhost:" + this.server.getAddress().getPort());

		assertThat(directory.exists("341523", this.caller)).isTrue();
		assertThat(directory.exists("341523", this.caller)).isTrue();

		assertThat(this.requests).containsExactly("341523 Bearer the-callers-token");
	}

	@Test
	void anUnknownRegionDoesNotExistAndIsAskedAgainNextTime() {
		RegionDirectory directory = directory("http://localhost:" + this.server.getAddress().getPort());

		assertThat(directory.exists("341599", this.caller)).isFalse();
		assertThat(directory.exists("341599", this.caller)).isFalse();

		assertThat(this.requests).hasSize(2);
	}

	@Test
	void aFailingOrUnreachableDirectoryIsUnavailableNotAnAnswer() {
		assertThatExceptionOfType(RegionDirectoryUnavailableException.class).isThrownBy(
				() -> directory("http://localhost:" + this.server.getAddress().getPort()).exists("341500", this.caller));
		this.server.stop(0);
		assertThatExceptionOfType(RegionDirectoryUnavailableException.class).isThrownBy(
				() -> directory("http://localhost:" + this.server.getAddress().getPort()).exists("341523", this.caller));
	}

	private static RegionDirectory directory(String url) {
		return new IndicatorServiceRegionDirectory(new RegionsProperties(url, Duration.ofSeconds(2), Duration.ofMinutes(1)),
				Clock.systemUTC());
	}

}
