package io.healthstats.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What the API security of every MVC service shares: the paths that stay public (health, metrics, API docs),
 * bearer JWTs from the platform's authorization server, no session and no CSRF token (no cookies), and 401
 * and 403 answered as problem details like every other error. Each service adds its own authorization rules.
 */
public final class ApiSecurity {

	/** Health, metrics and API docs: what probes, Prometheus and a developer's browser ask for without a token. */
	public static final String[] PUBLIC = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/actuator/metrics/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error" };

	private ApiSecurity() {
	}

	/** Applies the shared parts to {@code http}, after the service's {@code authorizeHttpRequests}. */
	public static HttpSecurity apply(HttpSecurity http, JsonMapper json) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> write(response, json, HttpStatus.UNAUTHORIZED,
				"unauthorized", "A valid bearer token is required.");
		AccessDeniedHandler forbidden = (request, response, ex) -> write(response, json, HttpStatus.FORBIDDEN, "forbidden",
				"This client may not do that.");
		return http
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthorized))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
	}

	private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String detail)
			throws IOException {
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
