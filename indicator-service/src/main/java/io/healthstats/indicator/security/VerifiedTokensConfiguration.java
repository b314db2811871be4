package io.healthstats.indicator.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts {@link VerifiedTokens} in front of whichever JWT decoder the application has (Boot's, from
 * the JWK set URI, or a test's), keeping that decoder's keys, algorithms and validators.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokensConfiguration {

	@Bean
	static BeanPostProcessor verifiedTokensDecoder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
			}

		};
	}

}
