package io.healthstats.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Browser dashboards on these origins may call the API through the gateway. Empty (the default)
 * means no cross-origin access at all.
 *
 * @param allowedOrigins exact origins such as {@code https://dashboard.example.gov.cn}
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("gateway.cors")
record CorsProperties(List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

	CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

	UrlBasedCorsConfigurationSource source() {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (this.allowedOrigins.isEmpty()) {
			return source;
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(this.allowedOrigins);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id"));
		cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining"));
		// bearer tokens, not cookies: browsers need not send credentials
		cors.setAllowCredentials(false);
		cors.setMaxAge(this.maxAge);
		source.registerCorsConfiguration("/api/**", cors);
		source.registerCorsConfiguration("/oauth2/token", cors);
		return source;
	}

}
