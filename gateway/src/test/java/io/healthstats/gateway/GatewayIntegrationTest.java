package io.healthstats.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.healthstats.localinfra.InfrastructureConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The real gateway on a random port in front of {@link Upstreams}, trusting {@code TestTokens}.
 * Every gateway test class uses exactly this, so they share one application context. The export
 * route's circuit opens after three failures and half-opens after a second, so healing is quick;
 * services must answer within 1.5 s; {@code tiny-client} may send 3 requests an hour; one
 * dashboard origin may call cross-origin.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.circuitbreaker.instances.export-service.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.export-service.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.export-service.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.instances.export-service.permitted-number-of-calls-in-half-open-state=1",
				"resilience4j.circuitbreaker.instances.export-service.automatic-transition-from-open-to-half-open-enabled=true",
				"gateway.timeouts.response=1500",
				"gateway.limits.rate-limit.clients.tiny-client.requests=1",
				"gateway.limits.rate-limit.clients.tiny-client.period=1h",
				"gateway.limits.rate-limit.clients.tiny-client.burst=3",
				"gateway.cors.allowed-origins=https://dashboard.example.gov.cn" })
@AutoConfigureWebTestClient
@Import({ InfrastructureConfiguration.class, Upstreams.class })
@interface GatewayIntegrationTest {

}
