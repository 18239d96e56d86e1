package dev.scenariohub.enterprise.config;

import dev.scenariohub.platform.security.ResourceServer;
import dev.scenariohub.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Enterprises register and apply; officers verify and see everything; reviewers never
 * call this service. Ownership is checked per resource.
 */
@Configuration
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		return ResourceServer.chain(http, jwtAuthenticationConverter,
				exchanges -> exchanges
					.pathMatchers(HttpMethod.POST, "/api/v1/enterprises/*/verify", "/api/v1/enterprises/*/reject",
							"/api/v1/enterprises/*/credit-code-override")
					.hasRole(Roles.OFFICER)
					.pathMatchers(HttpMethod.POST, "/api/v1/enterprises", "/api/v1/enterprises/*/members",
							"/api/v1/applications", "/api/v1/applications/**")
					.hasRole(Roles.ENTERPRISE)
					.pathMatchers(HttpMethod.PATCH, "/api/v1/enterprises/*", "/api/v1/applications/*")
					.hasRole(Roles.ENTERPRISE)
					.pathMatchers(HttpMethod.GET, "/api/v1/enterprises", "/api/v1/enterprises/**",
							"/api/v1/applications", "/api/v1/applications/**", "/api/v1/matches", "/api/v1/matches/**")
					.hasAnyRole(Roles.ENTERPRISE, Roles.OFFICER, Roles.ADMIN));
	}

}
