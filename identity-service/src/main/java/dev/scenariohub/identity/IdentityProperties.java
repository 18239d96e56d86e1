package dev.scenariohub.identity;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code identity.*}: who may get tokens. In production these come from the environment
 * or a Kubernetes Secret ({@code IDENTITY_CLIENTS_0_ID},
 * {@code IDENTITY_CLIENTS_0_SECRET}, …).
 *
 * @param issuer the issuer URL that tokens name in {@code iss} and clients discover
 * @param allowDemoSecrets whether the well-known demo secrets may be used (local stack
 * only)
 * @param signingKey PKCS#8 PEM of the RSA signing key; required unless demo secrets are
 * allowed (a generated key would differ per replica and per restart)
 * @param previousSigningKey the key signing was done with before the current one: still
 * published in the JWKS (public part only), so tokens it signed stay valid while a
 * rotation rolls out
 * @param clients machine clients ({@code client_credentials})
 * @param users people, who sign in through the login form
 * @param console the public browser client (authorization code + PKCE)
 */
@ConfigurationProperties("identity")
public record IdentityProperties(String issuer, boolean allowDemoSecrets, String signingKey, String previousSigningKey,
		List<Client> clients, List<User> users, Console console) {

	public IdentityProperties {
		clients = clients == null ? List.of() : clients;
		users = users == null ? List.of() : users;
	}

	/** A machine client; its token's {@code sub} is its id. */
	public record Client(String id, String secret, Set<String> roles) {
	}

	/** A person; the token's {@code sub} is the username. */
	public record User(String username, String password, Set<String> roles) {
	}

	/**
	 * The console's client (authorization code + PKCE): where the issuer may send people
	 * back after signing in, and after signing out.
	 */
	public record Console(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {

		public Console {
			redirectUris = redirectUris == null ? List.of() : redirectUris;
			postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
		}
	}
}
