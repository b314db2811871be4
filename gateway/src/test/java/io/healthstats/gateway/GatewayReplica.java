package io.healthstats.gateway;

import java.util.ArrayList;
import java.util.List;

import io.healthstats.localinfra.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway instance of several, started the way the real one starts (its own application
 * context and port) in front of {@link Upstreams}, trusting {@code TestTokens}: what a second
 * replica behind a load balancer is.
 */
final class GatewayReplica implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final WebTestClient client;

	private GatewayReplica(ConfigurableApplicationContext context) {
		this.context = context;
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	static GatewayReplica start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"gateway.upstreams.indicator-service=" + Upstreams.INDICATOR.url(),
				"gateway.upstreams.report-service=" + Upstreams.REPORT.url(),
				"gateway.upstreams.export-service=" + Upstreams.EXPORT.url(),
				"gateway.upstreams.auth-server=" + Upstreams.AUTH.url()));
		all.addAll(List.of(properties));
		// as command-line arguments: they win over application.yml (builder properties would not)
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.initializers(trustTestTokens())
			.run(all.stream().map(property -> "--" + property).toArray(String[]::new));
		return new GatewayReplica(context);
	}

	private static ApplicationContextInitializer<GenericApplicationContext> trustTestTokens() {
		return app -> app.registerBean("testJwtDecoder", ReactiveJwtDecoder.class,
				() -> NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey()).build());
	}

	WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	MeterRegistry meters() {
		return this.context.getBean(MeterRegistry.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
