package io.healthstats.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.healthstats.gateway.limits.TestRedis;
import io.healthstats.localinfra.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas, A and B, sharing one Redis: a client has one budget however its requests
 * are spread over them. Every client may send 5 requests at once and 1 an hour after that
 * ({@code roomy-client} 8), so no token comes back during a test; each test uses its own clients.
 * Runs against each kind of {@link TestRedis}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SharedRateLimitContract {

	private static final String PATH = "/api/v1/regions/341523";

	private TestRedis redis;

	private GatewayReplica a;

	private GatewayReplica b;

	abstract TestRedis startRedis();

	@BeforeAll
	void startTwoGatewaysOnOneRedis() {
		this.redis = startRedis();
		String[] properties = { "gateway.limits.rate-limit.requests=1", "gateway.limits.rate-limit.period=1h",
				"gateway.limits.rate-limit.burst=5", "gateway.limits.rate-limit.clients.roomy-client.requests=1",
				"gateway.limits.rate-limit.clients.roomy-client.period=1h",
				"gateway.limits.rate-limit.clients.roomy-client.burst=8",
				"gateway.limits.rate-limit.redis.url=" + this.redis.url(),
				// generous on a busy machine: within it every answer must come from Redis
				"gateway.limits.rate-limit.redis.timeout=2s", "gateway.limits.rate-limit.redis.retry-interval=1s" };
		this.a = GatewayReplica.start(properties);
		this.b = GatewayReplica.start(properties);
		await().atMost(Duration.ofSeconds(30)).until(() -> redisAvailable(this.a) && redisAvailable(this.b));
	}

	@AfterAll
	void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.a, this.b, this.redis }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// the others are still closed
			}
		}
	}

	@Test
	@Order(1)
	void aClientSpreadOverTwoGatewaysHasOneBurst() {
		String token = TestTokens.token("spread-client", "341523", "read");
		remaining(this.a.get(PATH, token), 4);
		remaining(this.a.get(PATH, token), 3);
		remaining(this.a.get(PATH, token), 2);
		remaining(this.b.get(PATH, token), 1);
		remaining(this.b.get(PATH, token), 0);
		Upstreams.INDICATOR.forget();

		tooMany(this.b.get(PATH, token));
		tooMany(this.a.get(PATH, token));

		assertThat(Upstreams.INDICATOR.count()).as("refused requests relayed").isZero();
		assertThat(fallbacks(this.a) + fallbacks(this.b)).as("answers not from Redis").isZero();
	}

	@Test
	@Order(2)
	void otherClientsKeepTheirOwnBudget() {
		String noisy = TestTokens.token("noisy-client", "341523", "read");
		for (int call = 0; call < 5; call++) {
			(call % 2 == 0 ? this.a : this.b).get(PATH, noisy).expectStatus().isOk();
		}
		tooMany(this.a.get(PATH, noisy));

		String quiet = TestTokens.forClient("county-341524");
		remaining(this.b.get("/api/v1/regions/341524", quiet), 4);
		remaining(this.a.get("/api/v1/regions/341524", quiet), 3);
		tooMany(this.b.get(PATH, noisy));
	}

	@Test
	@Order(3)
	void aClientsOwnRateHoldsAcrossGateways() {
		String roomy = TestTokens.token("roomy-client", "341523", "read");
		for (int call = 0; call < 4; call++) {
			this.a.get(PATH, roomy).expectStatus().isOk();
		}
		for (int call = 0; call < 3; call++) {
			this.b.get(PATH, roomy).expectStatus().isOk();
		}
		remaining(this.b.get(PATH, roomy), 0);
		tooMany(this.a.get(PATH, roomy));
	}

	@Test
	@Order(4)
	void whileRedisDoesNotAnswerRequestsAreServedAndEachGatewayLimitsOnItsOwn() {
		String token = TestTokens.token("outage-client", "341523", "read");
		double fallbacksBefore = fallbacks(this.a);
		this.redis.interrupt();
		try {
			for (int call = 0; call < 5; call++) {
				this.a.get(PATH, token).expectStatus().isOk();
			}
			// still one noisy client cannot flood a gateway: A's own bucket of 5 is empty
			tooMany(this.a.get(PATH, token));
			// B counts for itself meanwhile
			remaining(this.b.get(PATH, token), 4);

			assertThat(fallbacks(this.a) - fallbacksBefore).as("requests A limited on its own").isEqualTo(6);
			assertThat(redisAvailable(this.a)).isFalse();
		}
		finally {
			this.redis.resume();
		}

		AtomicInteger attempt = new AtomicInteger();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			String after = TestTokens.token("after-outage-client-" + attempt.incrementAndGet(), "341523", "read");
			remaining(this.a.get(PATH, after), 4);
			remaining(this.b.get(PATH, after), 3);
		});
		assertThat(redisAvailable(this.a) && redisAvailable(this.b)).as("shared again").isTrue();
	}

	private static void remaining(WebTestClient.ResponseSpec response, long remaining) {
		response.expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", Long.toString(remaining));
	}

	private static void tooMany(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L))
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/too-many-requests");
	}

	private static double fallbacks(GatewayReplica gateway) {
		return gateway.meters().get("gateway.ratelimit.redis.fallbacks").counter().count();
	}

	private static boolean redisAvailable(GatewayReplica gateway) {
		return gateway.meters().get("gateway.ratelimit.redis.available").gauge().value() == 1;
	}

}
