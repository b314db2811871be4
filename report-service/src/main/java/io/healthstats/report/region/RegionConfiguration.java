package io.healthstats.report.region;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegionsProperties.class)
class RegionConfiguration {

	@Bean
	RegionDirectory regionDirectory(RegionsProperties properties) {
		return new IndicatorServiceRegionDirectory(properties, Clock.systemUTC());
	}

}
