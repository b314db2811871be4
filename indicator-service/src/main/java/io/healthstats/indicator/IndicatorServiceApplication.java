package io.healthstats.indicator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IndicatorServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IndicatorServiceApplication.class, args);
	}

}
