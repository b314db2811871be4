package io.healthstats.platform.auth;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Client credentials with HTTP Basic client authentication, JWT access tokens carrying the
 * client's {@code region}, {@code client_id} and {@code scope}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	static final String REGION = "region";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.tokenEndpoint(
					token -> token.accessTokenRequestConverter(AuthorizationServerConfiguration::allScopesWhenNoneRequested));
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/** Everything that is not an authorization-server endpoint: health is public, the rest is closed. */
	@Bean
	@Order(2)
	SecurityFilterChain otherRequests(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/info", "/error")
			.permitAll()
			.anyRequest()
			.denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	RegisteredClientRepository registeredClients(AuthProperties properties) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.tokenTimeToLive())
			.build();
		return new ConfiguredClientRepository(properties.clients()
			.stream()
			.map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
				.clientId(client.id())
				// {noop}: demo secrets for local mode only, and hashing would cost every token request
				.clientSecret("{noop}" + properties.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(client.scopes()))
				.clientSettings(ClientSettings.builder().setting(REGION, client.region()).build())
				.tokenSettings(tokens)
				.build())
			.toList());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> regionClaim() {
		return context -> {
			RegisteredClient client = context.getRegisteredClient();
			context.getClaims()
				.claim(REGION, (String) client.getClientSettings().getSetting(REGION))
				.claim("client_id", client.getClientId());
		};
	}

	/**
	 * A client-credentials request without a {@code scope} parameter gets every scope the client
	 * is registered with (RFC 6749 §3.3 lets the server pick a default); Spring Authorization
	 * Server would otherwise issue a token without scopes, which no service accepts.
	 */
	private static Authentication allScopesWhenNoneRequested(HttpServletRequest request) {
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| StringUtils.hasText(request.getParameter(OAuth2ParameterNames.SCOPE))) {
			return null;
		}
		Authentication principal = SecurityContextHolder.getContext().getAuthentication();
		if (!(principal instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
			return null;
		}
		return new OAuth2ClientCredentialsAuthenticationToken(principal,
				Set.copyOf(client.getRegisteredClient().getScopes()), Map.of());
	}

}
