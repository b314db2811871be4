package io.healthstats.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code text/*}) is refused with
 * Spring MVC's own 415 ({@link HttpMediaTypeNotSupportedException}), which the service's problem advice
 * renders. Left alone, Spring MVC fails on it with an {@code IllegalArgumentException} — a 500 — as soon as
 * anything reads the request's headers as {@code HttpHeaders}: the body's message converter, a
 * {@code Location} builder (spring-framework#27957, open since 2022). The gateway refuses such a request
 * first; this covers a service called directly. A type that cannot be parsed at all is left to Spring MVC,
 * which answers it 415 already.
 */
@Configuration(proxyBeanMethods = false)
public class WildcardContentTypes implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Refusal());
	}

	/** The declared type when it is a wildcard, else null (none declared, a concrete type, or one that does not parse). */
	static MediaType wildcard(String declared) {
		if (declared == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(declared);
			return type.isWildcardType() || type.isWildcardSubtype() ? type : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	static final class Refusal implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws HttpMediaTypeNotSupportedException {
			MediaType wildcard = wildcard(request.getContentType());
			if (wildcard != null) {
				throw new HttpMediaTypeNotSupportedException(wildcard, List.of(), HttpMethod.valueOf(request.getMethod()));
			}
			return true;
		}

	}

}
