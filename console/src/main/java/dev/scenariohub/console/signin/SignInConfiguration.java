package dev.scenariohub.console.signin;

import java.net.URI;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;

/**
 * Signing people in, as a backend for the browser: authorization code with PKCE against
 * the issuer, the tokens kept in the server-side session, the browser holding only the
 * session cookie (HttpOnly, SameSite=Lax). Every form carries a CSRF token; signing out
 * ends the session here and at the issuer. The catalogue stays public; the workspace
 * needs a signed-in person.
 */
@Configuration
public class SignInConfiguration {

	/** The registration id, as in {@code /oauth2/authorization/scenariohub}. */
	public static final String REGISTRATION = "scenariohub";

	/**
	 * The issuer's endpoints are given, not discovered, so that the console starts while
	 * the issuer is still starting: the browser goes to {@code issuer}, the console
	 * itself calls {@code issuerInternal} (the same unless the cluster reaches it by
	 * another name).
	 */
	/**
	 * The signed-in person's access token, which every call the console makes for them
	 * carries.
	 */
	public static String accessToken(OAuth2AuthorizedClient client) {
		return client.getAccessToken().getTokenValue();
	}

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(@Value("${console.issuer-uri}") String issuer,
			@Value("${console.issuer-internal-uri:${console.issuer-uri}}") String issuerInternal,
			@Value("${console.client-id}") String clientId) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientName("ScenarioHub")
			.clientId(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "api")
			.issuerUri(issuer)
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(issuerInternal + "/oauth2/token")
			.jwkSetUri(issuerInternal + "/oauth2/jwks")
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

	@Bean
	SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
			@Value("${console.issuer-uri}") String issuer) {
		OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/scenarios");
		String issuerOrigin = URI.create(issuer).resolve("/").toString().replaceAll("/$", "");
		return http
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/workspace", "/workspace/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.oauth2Login(login -> {
			})
			.logout(logout -> logout.logoutSuccessHandler(signedOut))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
						+ issuerOrigin))
				.referrerPolicy(
						referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
