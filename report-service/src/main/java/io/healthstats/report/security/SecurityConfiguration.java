package io.healthstats.report.security;

import io.healthstats.web.ApiSecurity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a valid JWT from the platform's authorization server: reading needs the
 * {@code read} scope, anything else {@code write} (partners hold only {@code read}). Health, metrics
 * and API docs stay public ({@link ApiSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(ApiSecurity.PUBLIC)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/**")
			.hasAuthority("SCOPE_read")
			.requestMatchers("/api/**")
			.hasAuthority("SCOPE_write")
			.anyRequest()
			.authenticated());
		return ApiSecurity.apply(http, json).build();
	}

}
