package dev.scenariohub.notification.config;

import dev.scenariohub.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/** Inbox and subscriptions are per caller; the public change feed is open. */
@Configuration
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		return ResourceServer.chain(http, jwtAuthenticationConverter,
				exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/api/v1/feed", "/api/v1/feed/**")
					.permitAll()
					.pathMatchers("/api/v1/notifications/unsubscribe", "/api/v1/notifications/email-confirmation")
					.permitAll()
					.pathMatchers("/api/v1/**")
					.authenticated());
	}

}
