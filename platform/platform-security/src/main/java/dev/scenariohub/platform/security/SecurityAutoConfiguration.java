package dev.scenariohub.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * The same token handling in the gateway and every service: JWTs from the issuer's JWKS
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), the {@code roles} claim mapped
 * to {@code ROLE_…} authorities, the {@code sub} claim as the principal's name.
 */
@AutoConfiguration
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		converter.setPrincipalClaimName("sub");
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

}
