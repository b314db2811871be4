package io.healthstats.report.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a valid JWT from the platform's authorization server: reading needs the
 * {@code read} scope, anything else {@code write} (partners hold only {@code read}). Health, metrics
 * and API docs stay public. 401 and 403 are answered as problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/actuator/metrics/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/**")
			.hasAuthority("SCOPE_read")
			.requestMatchers("/api/**")
			.hasAuthority("SCOPE_write")
			.anyRequest()
			.authenticated())
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
