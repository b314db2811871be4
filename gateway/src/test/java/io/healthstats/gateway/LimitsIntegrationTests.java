package io.healthstats.gateway;

import java.util.Arrays;

import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-client rate limits (429) and the request body limit (413), through the real gateway. */
@GatewayIntegrationTest
class LimitsIntegrationTests {

	static final int TEN_MIB = 10 * 1024 * 1024;

	@Autowired
	WebTestClient client;

	@Test
	void answers429WithRetryAfterOnceAClientHasUsedItsBucketAndLeavesOtherClientsAlone() {
		String tiny = TestTokens.token("tiny-client", "341523", "read");
		for (int call = 1; call <= 3; call++) {
			get("/api/v1/regions/341523", tiny).expectStatus().isOk();
		}
		Upstreams.INDICATOR.forget();

		get("/api/v1/regions/341523", tiny).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/too-many-requests")
			.jsonPath("$.status")
			.isEqualTo(429);
		assertThat(Upstreams.INDICATOR.count()).isZero();

		get("/api/v1/regions/341523", TestTokens.forClient("county-341524")).expectStatus().isOk();
	}

	@Test
	void refusesADeclaredBodyOverTenMebibytesWithoutRelayingIt() {
		Upstreams.REPORT.forget();
		byte[] body = new byte[TEN_MIB + 1];
		Arrays.fill(body, (byte) 'a');

		this.client.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/payload-too-large");
		assertThat(Upstreams.REPORT.count()).isZero();
	}

	@Test
	void refusesABodyDeclaredAsAWildcardTypeWithoutRelayingIt() {
		Upstreams.REPORT.forget();
		for (String wildcard : new String[] { "*/*", "text/*" }) {
			this.client.post()
				.uri("/api/v1/reports/r-1/submit")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
				.header(HttpHeaders.CONTENT_TYPE, wildcard)
				.bodyValue("[]")
				.exchange()
				.expectStatus()
				.isEqualTo(415)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://healthstats.io/problems/unsupported-media-type");
		}
		assertThat(Upstreams.REPORT.count()).isZero();
	}

	@Test
	void stopsAChunkedBodyOnceItCrossesTenMebibytes() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		byte[] chunk = new byte[1024 * 1024];
		Flux<DataBuffer> elevenMebibytes = Flux.range(0, 11).map(i -> buffers.wrap(chunk.clone()));

		this.client.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.contentType(MediaType.TEXT_PLAIN)
			.body(elevenMebibytes, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void relaysABodyWithinTheLimit() {
		this.client.post()
			.uri("/api/v1/observations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[{\"indicator\":\"A01\",\"region\":\"341523\",\"period\":\"2025-06\",\"value\":12.5}]")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(Upstreams.INDICATOR.lastRequest().body()).contains("\"region\":\"341523\"");
	}

	@Test
	void refusesOversizedHeadersWith431ProblemWithoutRelayingThem() {
		Upstreams.INDICATOR.forget();

		this.client.get()
			.uri("/api/v1/regions/341523")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.header("X-Padding", "x".repeat(9 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/headers-too-large");
		assertThat(Upstreams.INDICATOR.count()).isZero();

		// what Netty refuses on its own, beyond 64 KB, keeps its bare 431
		this.client.get()
			.uri("/api/v1/regions/341523")
			.header("X-Padding", "x".repeat(70 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431);
	}

	@Test
	void refusesAPathAndQueryOverFourKilobytesWith414ProblemAndRelaysOneJustUnder() {
		Upstreams.INDICATOR.forget();
		String token = TestTokens.forClient("county-341523");
		String prefix = "/api/v1/regions/341523?pad=";

		get(prefix + "x".repeat(4096 - prefix.length() + 1), token).expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/uri-too-long")
			.jsonPath("$.detail")
			.isEqualTo("The path and query are 4097 characters long; at most 4096 are accepted.");
		assertThat(Upstreams.INDICATOR.count()).isZero();

		get(prefix + "x".repeat(4096 - prefix.length()), token).expectStatus().isOk();
		assertThat(Upstreams.INDICATOR.count()).isOne();
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

}
