package dev.scenariohub.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OpenID Connect issuer: discovery, JWKS, {@code client_credentials} for machine
 * clients, authorization code + PKCE with a login form for people. Access tokens are
 * RS256 JWTs whose {@code sub} is the client id or username and whose {@code roles} claim
 * lists the roles.
 */
@Configuration
public class AuthorizationServerConfiguration {

	static final String ROLES_SETTING = "scenariohub.roles";

	static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder) {
		DemoSecretGuard.check(properties);
		List<RegisteredClient> clients = new ArrayList<>();
		for (IdentityProperties.Client client : properties.clients()) {
			clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
				.clientId(client.id())
				.clientSecret(encoded(client.secret()))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope("api")
				.clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.copyOf(client.roles())).build())
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
				.build());
		}
		IdentityProperties.Console console = properties.console();
		if (console != null && console.clientId() != null) {
			clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(console.clientId().getBytes()).toString())
				.clientId(console.clientId())
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUris(uris -> uris.addAll(console.redirectUris()))
				.postLogoutRedirectUris(uris -> uris.addAll(console.postLogoutRedirectUris()))
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope("api")
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
				.build());
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	UserDetailsService userDetailsService(IdentityProperties properties) {
		DemoSecretGuard.check(properties);
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map(user -> User.withUsername(user.username())
				.password(encoded(user.password()))
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

	/**
	 * The audience every access token names besides its client: the API, whose gateway
	 * and services accept only tokens meant for it.
	 */
	static final String API_AUDIENCE = "scenariohub-api";

	/**
	 * Puts the caller's roles into access and ID tokens, and the API into an access
	 * token's audience.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim() {
		return context -> {
			boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
			boolean idToken = "id_token".equals(context.getTokenType().getValue());
			if (!accessToken && !idToken) {
				return;
			}
			Set<String> roles;
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				List<String> clientRoles = context.getRegisteredClient().getClientSettings().getSetting(ROLES_SETTING);
				roles = clientRoles == null ? Set.of() : Set.copyOf(clientRoles);
			}
			else {
				roles = context.getPrincipal()
					.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter(authority -> authority.startsWith("ROLE_"))
					.map(authority -> authority.substring("ROLE_".length()))
					.collect(Collectors.toSet());
			}
			context.getClaims().claim("roles", List.copyOf(roles));
			if (accessToken) {
				context.getClaims().audience(List.of(context.getRegisteredClient().getClientId(), API_AUDIENCE));
			}
		};
	}

	/**
	 * What the JWKS publishes: the current key, and the previous one (public part) while
	 * a rotation rolls out.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties, RSAKey currentSigningKey) {
		List<JWK> keys = new ArrayList<>(List.of(currentSigningKey));
		if (properties.previousSigningKey() != null && !properties.previousSigningKey().isBlank()) {
			keys.add(SigningKeys.load(properties.previousSigningKey()).toPublicJWK());
		}
		return new ImmutableJWKSet<>(new JWKSet(keys));
	}

	@Bean
	RSAKey currentSigningKey(IdentityProperties properties) {
		return SigningKeys.load(properties.signingKey());
	}

	/** Tokens are signed with the current key only. */
	@Bean
	JwtEncoder jwtEncoder(RSAKey currentSigningKey) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(currentSigningKey)));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	private static String encoded(String secret) {
		return secret.startsWith("{") ? secret : "{noop}" + secret;
	}

}
