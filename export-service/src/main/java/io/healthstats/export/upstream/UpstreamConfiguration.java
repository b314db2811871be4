package io.healthstats.export.upstream;

import java.net.HttpURLConnection;
import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * One {@link RestClient} for the indicator- and report-service, sending the export-service's own
 * token (client credentials, region 000000): a job runs long after the caller's token expired, and
 * outside any request. The token is fetched once, reused until it expires, and dropped when a service
 * answers 401.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	/** The one principal service tokens are kept under, whoever's export is running. */
	static final Authentication SERVICE = new AnonymousAuthenticationToken("export-service", "export-service",
			AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

	@Bean
	OAuth2AuthorizedClientService authorizedClientService(ClientRegistrationRepository registrations) {
		return new InMemoryOAuth2AuthorizedClientService(registrations);
	}

	@Bean
	OAuth2AuthorizedClientManager serviceTokens(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return manager;
	}

	@Bean
	@Primary
	RestClient upstream(RestClient.Builder builder, OAuth2AuthorizedClientManager serviceTokens,
			OAuth2AuthorizedClientService authorizedClients, UpstreamProperties properties) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build());
		requests.setReadTimeout(properties.readTimeout());
		return builder.clone().requestFactory(requests).requestInterceptor(tokens(serviceTokens, authorizedClients, properties)).build();
	}

	/**
	 * For the observation stream of an export, which may run for minutes: the JDK client's read timeout
	 * bounds the whole exchange, {@link HttpURLConnection}'s bounds each read (a service that stops sending
	 * for {@code read-timeout} breaks the stream, which is then resumed). Blocking reads on one thread, too,
	 * cost less per byte than the JDK client's asynchronous body.
	 */
	@Bean
	RestClient upstreamStreams(RestClient.Builder builder, OAuth2AuthorizedClientManager serviceTokens,
			OAuth2AuthorizedClientService authorizedClients, UpstreamProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.connectTimeout());
		requests.setReadTimeout(properties.readTimeout());
		return builder.clone().requestFactory(requests).requestInterceptor(tokens(serviceTokens, authorizedClients, properties)).build();
	}

	private static OAuth2ClientHttpRequestInterceptor tokens(OAuth2AuthorizedClientManager serviceTokens,
			OAuth2AuthorizedClientService authorizedClients, UpstreamProperties properties) {
		OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
		tokens.setClientRegistrationIdResolver(request -> properties.clientRegistration());
		tokens.setPrincipalResolver(request -> SERVICE);
		tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		return tokens;
	}

}
