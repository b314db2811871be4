package io.healthstats.indicator.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a valid JWT from the platform's authorization server; health, metrics and
 * API docs stay public. 401 and 403 are answered as problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/actuator/metrics/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error" };

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
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint((request, response, ex) -> write(response, json, HttpStatus.UNAUTHORIZED,
						"unauthorized", "A valid bearer token is required.")))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, ex) -> write(response, json, HttpStatus.UNAUTHORIZED,
						"unauthorized", "A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> write(response, json, HttpStatus.FORBIDDEN, "forbidden",
						"This client may not do that.")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://healthstats.io/problems/" + type));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
