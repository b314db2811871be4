package io.healthstats.gateway.security;

import io.healthstats.gateway.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway turns away every API call without a valid JWT before it reaches a service, and relays
 * the Authorization header unchanged so each service validates the same token again. The token
 * endpoint, the JWK set, health, metrics scraping and API docs stay public. No sessions, no CSRF
 * (no cookies are ever issued), CORS only for the configured dashboard origins, and 401/403 are
 * problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] PUBLIC = { "/oauth2/**", "/.well-known/**", "/actuator/health", "/actuator/health/**",
			"/actuator/prometheus", "/v3/api-docs/**", "/gateway/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**", "/webjars/**" };

	/**
	 * No observations of Spring Security's own: they wrapped each filter of its chain, the token
	 * check and the authorization decision in spans and timers on every request (a tenth of the
	 * gateway's CPU per request, see deploy/bench/README.md) that no dashboard or alert reads.
	 * Requests stay observed as a whole ({@code http.server.requests}, the trace's server span).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * A path the firewall refuses (an encoded slash or percent, {@code //}, {@code ..}, a semicolon…) is a 400
	 * problem naming what was refused, like every other bad request; Spring Security's default answers an
	 * empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedRequestAsProblem(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", ex.getMessage());
	}

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems, CorsProperties cors) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
					"A valid bearer token is required.");
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
				"forbidden", "This client may not do that.");
		return http
			.authorizeExchange(exchanges -> exchanges.pathMatchers(PUBLIC).permitAll().anyExchange().authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.cors(spec -> spec.configurationSource(cors.source()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(Customizer.withDefaults())
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

}
