package io.healthstats.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token that could not be checked — the authorization server's key set did not answer, say — is a 503
 * problem with {@code Retry-After}, not a 500. Spring Security's bearer-token filter rethrows such an
 * {@link AuthenticationServiceException} (a bad token is a 401, answered by the service's entry point), and
 * the servlet container made a 500 of it; this filter, just outside the security chain, answers it instead.
 */
@Configuration(proxyBeanMethods = false)
public class TokenCheckUnavailable {

	@Bean
	FilterRegistrationBean<Answer> tokenCheckUnavailableFilter() {
		FilterRegistrationBean<Answer> registration = new FilterRegistrationBean<>(new Answer());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	static final class Answer extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(TokenCheckUnavailable.class);

		static final String PROBLEM = "{\"type\":\"" + ApiProblems.TYPE_BASE + "token-check-unavailable\","
				+ "\"title\":\"Service Unavailable\",\"status\":503,"
				+ "\"detail\":\"The bearer token could not be checked just now; try again shortly.\"}";

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (AuthenticationServiceException ex) {
				log.warn("Bearer token of {} {} not checked: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
				if (response.isCommitted()) {
					throw ex;
				}
				response.resetBuffer();
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader("Retry-After", "5");
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write(PROBLEM);
			}
		}

	}

}
