package io.healthstats.platform.e2e;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's limits as a client of the real platform meets them, with the defaults: a request
 * body above 10 MiB is refused with 413 (declared or streamed) and stores nothing; headers over 8 KB
 * get a 431 problem and a path and query over 4 KB a 414 problem; one client gets 200 requests at once
 * and 100 a second after that, then 429 with {@code Retry-After}, while other clients go on unaffected.
 */
class GatewayLimitsIT {

	private static final int MIB = 1024 * 1024;

	/** Used by no other test of the platform, so its bucket starts full. */
	private static final String FLOODER = "county-341504";

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	@Test
	void aBodyAboveTenMebibytesIsRefusedWith413AndStoresNothing() {
		byte[] body = paddedBatch("341525", "201801", 424242, 10 * MIB + 1);

		Answer answer = this.calls.sendOnce(Call.of("POST", "/api/v1/observations").as("county-341525").body("application/json", body));

		assertProblem(answer, 413, "payload-too-large");
		assertNoValue("341525", "201801", "424242");
	}

	@Test
	void aStreamedBodyIsCutOffOnceItCrossesTenMebibytesAndStoresNothing() throws Exception {
		byte[] body = paddedBatch("341525", "201802", 434343, 11 * MIB);
		HttpRequest request = HttpRequest.newBuilder(this.calls.platform().gateway().resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + this.calls.platform().token("county-341525"))
			.header("Content-Type", "application/json")
			// no length known in advance: sent chunked, counted by the gateway as it streams
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = this.calls.platform().http().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertNoValue("341525", "201802", "434343");
	}

	@Test
	void anUploadAboveTenMebibytesIsRefusedWith413AndStoresNoReport() {
		byte[] text = ("一、工作总结\n" + "全县门诊诊疗12.6万人次。".repeat(11 * MIB / 30)).getBytes(StandardCharsets.UTF_8);
		Multipart form = new Multipart().field("title", "超大上传探针").field("region", "341525").field("period", "2018")
			.field("kind", "ANNUAL_SUMMARY").file("file", "large.txt", "text/plain", text);

		Answer answer = this.calls.sendOnce(Call.of("POST", "/api/v1/reports").as("county-341525").body(form.contentType(), form.bytes()));

		assertProblem(answer, 413, "payload-too-large");
		JsonNode reports = this.calls.get("county-341525", "/api/v1/reports?region=341525&period=2018&size=100").json(200);
		assertThat(reports.get("content").findValuesAsString("title")).doesNotContain("超大上传探针");
	}

	@Test
	void aBodyJustUnderTheLimitReachesTheService() {
		byte[] body = paddedBatch("341525", "201803", 454545, 10 * MIB - 1024);

		JsonNode result = this.calls.send(Call.of("POST", "/api/v1/observations").as("county-341525").body("application/json", body))
			.json(200);

		assertThat(result.get("accepted").asInt()).isEqualTo(1);
	}

	@Test
	void headersTooLargeAreRefusedWith431Problem() {
		Answer answer = this.calls.sendOnce(Call.of("GET", "/api/v1/indicators").as("county-341525").header("X-Padding", "x".repeat(9 * 1024)));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(431);
		assertThat(answer.json().get("type").asString()).isEqualTo("https://healthstats.io/problems/headers-too-large");
	}

	@Test
	void aPathAndQueryOverFourKilobytesAreRefusedWith414Problem() {
		Answer answer = this.calls.sendOnce(Call.of("GET", "/api/v1/indicators?pad=" + "x".repeat(4096)).as("county-341525"));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(414);
		assertThat(answer.json().get("type").asString()).isEqualTo("https://healthstats.io/problems/uri-too-long");
	}

	@Test
	void aClientBeyondItsRateGets429WithRetryAfterWhileOthersGoOn() throws Exception {
		// an idle bucket is full again after two seconds (200 tokens, 100 a second)
		GatewayCalls.sleep(2500);
		String token = this.calls.platform().token(FLOODER);
		// The limit counts every authenticated request, whatever its path. The flood goes where no service
		// answers (404 from the gateway itself), so it outpaces the refill even on a busy machine.
		HttpRequest flood = HttpRequest.newBuilder(this.calls.platform().gateway().resolve("/api/v1/rate-limit-probe"))
			.header("Authorization", "Bearer " + token)
			.build();
		AtomicInteger admitted = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicReference<HttpResponse<String>> limited = new AtomicReference<>();
		long start = System.nanoTime();
		// a few clients' worth of connections (16), each sending as fast as it is answered, until refused
		ExecutorService senders = Executors.newFixedThreadPool(16);
		for (int i = 0; i < 16; i++) {
			senders.submit(() -> {
				for (int sent = 0; sent < 400 && limited.get() == null; sent++) {
					HttpResponse<String> response = this.calls.platform().http().send(flood, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 404) {
						admitted.incrementAndGet();
					}
					else if (response.statusCode() == 429) {
						limited.compareAndSet(null, response);
					}
					else {
						other.incrementAndGet();
					}
				}
				return null;
			});
		}
		senders.shutdown();
		assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		double seconds = (System.nanoTime() - start) / 1e9;
		// right away, bursts at a real endpoint: the empty bucket gains a token every 10 ms, so a burst of 32
		// outruns it — unless the machine stalled since the flood and the bucket refilled meanwhile, which the
		// next burst then drains (a few bursts at most)
		HttpRequest real = HttpRequest.newBuilder(this.calls.platform().gateway().resolve("/api/v1/indicators/BIRTHS"))
			.header("Authorization", "Bearer " + token)
			.build();
		HttpResponse<String> refused = null;
		for (int attempt = 0; attempt < 8 && refused == null; attempt++) {
			List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				burst.add(this.calls.platform().http().sendAsync(real, HttpResponse.BodyHandlers.ofString()));
			}
			refused = burst.stream().map(CompletableFuture::join).filter(response -> response.statusCode() == 429)
				.findFirst().orElse(null);
		}
		Answer another = this.calls.sendOnce(Call.of("GET", "/api/v1/indicators/BIRTHS").as("county-341503"));

		assertThat(limited.get()).as("a 429 after %d admitted in %.2f s", admitted.get(), seconds).isNotNull();
		assertThat(other.get()).as("answers other than 404 and 429").isZero();
		// the burst is honoured, and no more than the burst plus 100 a second gets through
		assertThat(admitted.get()).as("admitted in %.2f s", seconds).isGreaterThanOrEqualTo(200)
			.isLessThanOrEqualTo((int) (200 + 100 * seconds) + 16);
		assertThat(refused).as("a 429 from the real endpoint").isNotNull();
		long retryAfter = refused.headers().firstValueAsLong("Retry-After").orElse(-1);
		assertThat(retryAfter).as("Retry-After").isBetween(1L, 3L);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(GatewayCalls.JSON.readTree(refused.body()).get("type").asString()).isEqualTo("https://healthstats.io/problems/too-many-requests");
		assertThat(another.status()).as("another client meanwhile").isEqualTo(200);

		GatewayCalls.sleep(1000 * retryAfter);
		assertThat(this.calls.sendOnce(Call.of("GET", "/api/v1/indicators/BIRTHS").as(FLOODER)).status()).as("after Retry-After").isEqualTo(200);
		System.out.printf("[rate limit] %d requests admitted in %.2f s before the first 429 (Retry-After %d s)%n", admitted.get(), seconds,
				retryAfter);
	}

	/** A one-row JSON batch padded with whitespace to exactly {@code size} bytes. */
	private static byte[] paddedBatch(String region, String period, int value, int size) {
		byte[] row = ("[{\"indicator\":\"BIRTHS\",\"region\":\"" + region + "\",\"period\":\"" + period + "\",\"value\":" + value + "}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		System.arraycopy(row, 0, body, 0, row.length);
		body[size - 1] = ']';
		return body;
	}

	private void assertNoValue(String region, String period, String value) {
		JsonNode stored = this.calls.get("city-341500", "/api/v1/observations?indicator=BIRTHS&region=" + region + "&period=" + period)
			.json(200);
		assertThat(GatewayCalls.items(stored).findValuesAsString("value")).doesNotContain(value);
	}

	private static void assertProblem(Answer answer, int status, String slug) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.isProblem()).as(answer + " is a problem").isTrue();
		assertThat(answer.json().get("type").asString()).isEqualTo("https://healthstats.io/problems/" + slug);
	}

}
