package io.healthstats.report;

import io.healthstats.web.TokenCheckUnavailable;
import io.healthstats.web.WildcardContentTypes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({ WildcardContentTypes.class, TokenCheckUnavailable.class })
@ConfigurationPropertiesScan
public class ReportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportServiceApplication.class, args);
	}

}
