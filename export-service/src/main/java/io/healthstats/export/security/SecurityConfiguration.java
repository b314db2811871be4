package io.healthstats.export.security;

import io.healthstats.web.ApiSecurity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a valid JWT from the platform's authorization server with the {@code read}
 * scope; health, metrics and API docs stay public ({@link ApiSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		// every export endpoint reads data (its own jobs and files, the indicators through the indicator-service)
		http.authorizeHttpRequests(requests -> requests.requestMatchers(ApiSecurity.PUBLIC)
			.permitAll()
			.requestMatchers("/api/**")
			.hasAuthority("SCOPE_read")
			.anyRequest()
			.authenticated());
		return ApiSecurity.apply(http, json).build();
	}

}
