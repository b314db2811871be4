package io.healthstats.indicator.security;

import io.healthstats.web.ApiSecurity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a valid JWT from the platform's authorization server; health, metrics and
 * API docs stay public ({@link ApiSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No observations of Spring Security's own: they wrap each filter of its chain in a span and a timer
	 * on every request, which no dashboard or alert reads (as in the gateway). Requests stay observed as
	 * a whole ({@code http.server.requests}, the trace's server span).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers(ApiSecurity.PUBLIC).permitAll().anyRequest().authenticated());
		return ApiSecurity.apply(http, json).build();
	}

}
