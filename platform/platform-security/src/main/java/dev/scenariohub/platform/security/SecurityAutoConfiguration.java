package dev.scenariohub.platform.security;

import java.util.Collection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * The same token handling in the gateway and every service: JWTs from the issuer's JWKS
 * ({@code spring.security.oauth2.resourceserver.jwt.*}) that name at least one role, the
 * {@code roles} claim mapped to {@code ROLE_…} authorities, the {@code sub} claim as the
 * principal's name.
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

	/**
	 * A token must name at least one role: the issuer gives every client and person one,
	 * so a token without is not one of ours to honour (401, like any invalid token). Boot
	 * adds this to the issuer and audience checks of the JWT decoder.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> rolesRequired() {
		return new JwtClaimValidator<Object>("roles",
				roles -> roles instanceof Collection<?> named && !named.isEmpty());
	}

}
