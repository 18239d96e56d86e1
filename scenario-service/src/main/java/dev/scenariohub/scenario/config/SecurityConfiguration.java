package dev.scenariohub.scenario.config;

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
 * Who may call what: the public reads programs and published scenarios; officers run
 * programs, scenarios, awards and pilots; reviewers review; applicants object and report
 * milestones (ownership is checked per resource).
 */
@Configuration
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		return ResourceServer.chain(http, jwtAuthenticationConverter,
				exchanges -> exchanges
					.pathMatchers(HttpMethod.GET, "/api/v1/programs", "/api/v1/programs/*", "/api/v1/scenarios",
							"/api/v1/scenarios/*")
					.permitAll()
					.pathMatchers("/api/v1/programs/**")
					.hasRole(Roles.OFFICER)
					.pathMatchers("/api/v1/reviews/**", "/api/v1/reviewers/**")
					.hasRole(Roles.REVIEWER)
					.pathMatchers(HttpMethod.POST, "/api/v1/scenarios/*/objections")
					.hasRole(Roles.ENTERPRISE)
					.pathMatchers("/api/v1/scenarios/**", "/api/v1/objections/**")
					.hasRole(Roles.OFFICER)
					.pathMatchers(HttpMethod.POST, "/api/v1/milestones/*/complete")
					.hasAnyRole(Roles.OFFICER, Roles.ENTERPRISE));
	}

}
