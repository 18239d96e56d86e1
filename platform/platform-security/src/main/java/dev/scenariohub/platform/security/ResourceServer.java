package dev.scenariohub.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The part of a security filter chain that is the same in the gateway and every service:
 * stateless bearer-token authentication, no CSRF (no cookies), problem documents for
 * 401/403, and open health probes and metrics. Each application adds its own path rules.
 */
public final class ResourceServer {

	private ResourceServer() {
	}

	/**
	 * The whole chain: the shared part, open probes, metrics and the OpenAPI document,
	 * the dead-letter endpoint for admins only, then the application's own rules, and
	 * everything else denied.
	 */
	public static SecurityWebFilterChain chain(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter,
			Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> rules) {
		return configure(http, jwtAuthenticationConverter).authorizeExchange(exchanges -> {
			exchanges.pathMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll();
			exchanges.pathMatchers("/actuator/deadletters", "/actuator/deadletters/**").hasRole(Roles.ADMIN);
			rules.customize(exchanges);
			exchanges.anyExchange().denyAll();
		}).build();
	}

	public static ServerHttpSecurity configure(ServerHttpSecurity http,
			Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter) {
		// stateless: every request carries its token; no session is read, created or
		// expired (a browser's session cookie passing through the gateway is the
		// console's)
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			// no sign-out of its own: POST /logout at the gateway is the console's
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.oauth2ResourceServer(
					oauth2 -> oauth2.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
						.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
						.accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
				.accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
	}

}
