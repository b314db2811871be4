package io.healthstats.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points every route of the gateway at a stub upstream of this JVM. Imported the same way by every
 * gateway test class so they all share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class Upstreams {

	static final UpstreamStub INDICATOR = new UpstreamStub("indicator-service").start();

	static final UpstreamStub REPORT = new UpstreamStub("report-service").start();

	static final UpstreamStub EXPORT = new UpstreamStub("export-service").start();

	static final UpstreamStub AUTH = new UpstreamStub("auth-server").start();

	@Bean
	DynamicPropertyRegistrar upstreamUrls() {
		return registry -> {
			registry.add("gateway.upstreams.indicator-service", INDICATOR::url);
			registry.add("gateway.upstreams.report-service", REPORT::url);
			registry.add("gateway.upstreams.export-service", EXPORT::url);
			registry.add("gateway.upstreams.auth-server", AUTH::url);
		};
	}

}
