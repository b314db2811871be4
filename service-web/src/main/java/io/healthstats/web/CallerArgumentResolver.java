package io.healthstats.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take a {@link Caller} parameter built from the validated JWT. A token without a region
 * claim is refused (403): every answer depends on the caller's region.
 */
@Configuration(proxyBeanMethods = false)
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// A Caller comes from the token, never from the request: without this the API documents (and
		// Swagger UI's "Try it out") would ask for a required "caller" query parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		Caller caller = Caller.of((Jwt) principal);
		if (caller.region() == null) {
			throw new AccessDeniedException("This client's token carries no region.");
		}
		return caller;
	}

}
