package io.healthstats.report;

import java.util.Set;

import io.healthstats.report.region.Caller;
import io.healthstats.report.region.RegionDirectory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The demo region tree in place of the indicator-service, which tests of this service do not run. */
@TestConfiguration(proxyBeanMethods = false)
public class DemoRegions {

	public static final Set<String> CODES = Set.of("340000", "341500", "341502", "341503", "341504", "341522", "341523",
			"341524", "341525");

	@Bean
	@Primary
	RegionDirectory demoRegionDirectory() {
		return (String code, Caller caller) -> CODES.contains(code);
	}

}
