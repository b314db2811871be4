package io.healthstats.report.analysis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FiguresProperties.class)
class AnalysisConfiguration {

	@Bean
	IndicatorDictionary indicatorDictionary(FiguresProperties properties) {
		return properties.toDictionary();
	}

	@Bean
	DocumentAnalyzer documentAnalyzer(IndicatorDictionary dictionary) {
		return new DocumentAnalyzer(dictionary);
	}

}
