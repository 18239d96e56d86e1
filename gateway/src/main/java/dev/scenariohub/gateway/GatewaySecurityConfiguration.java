package dev.scenariohub.gateway;

import dev.scenariohub.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The first check of every request: a valid JWT from the issuer, except for what the
 * public may read (published scenarios and the change feed) and the console's pages.
 * Services check roles and ownership again.
 */
@Configuration
public class GatewaySecurityConfiguration {

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		http.cors(Customizer.withDefaults());
		return ResourceServer.chain(http, jwtAuthenticationConverter,
				exchanges -> exchanges.pathMatchers(HttpMethod.OPTIONS, "/api/**")
					.permitAll()
					.pathMatchers(HttpMethod.GET, "/api/v1/scenarios", "/api/v1/scenarios/*", "/api/v1/programs",
							"/api/v1/programs/*", "/api/v1/feed", "/api/v1/feed/**")
					.permitAll()
					.pathMatchers("/api/v1/notifications/unsubscribe", "/api/v1/notifications/email-confirmation")
					.permitAll()
					.pathMatchers(HttpMethod.GET, "/api/v1/openapi/*")
					.permitAll()
					.pathMatchers("/api/v1/**", "/fallback/**")
					.authenticated()
					// the console's pages: it signs people in itself and calls the API
					// with
					// their tokens
					.matchers(new NegatedServerWebExchangeMatcher(
							ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/fallback/**")))
					.permitAll());
	}

}
