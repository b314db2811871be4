package io.healthstats.export;

import io.healthstats.web.CallerArgumentResolver;
import io.healthstats.web.TokenCheckUnavailable;
import io.healthstats.web.WildcardContentTypes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import({ WildcardContentTypes.class, TokenCheckUnavailable.class, CallerArgumentResolver.class })
@ConfigurationPropertiesScan
@EnableScheduling
public class ExportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExportServiceApplication.class, args);
	}

}
