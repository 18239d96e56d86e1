package dev.scenariohub.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses to run with the published demo credentials (or with no credentials worth the
 * name), or without a signing key of its own, unless the local stack asked for it
 * explicitly.
 */
final class DemoSecretGuard {

	static final Set<String> ROLES = Set.of("officer", "reviewer", "enterprise", "admin");

	private static final int MIN_SECRET_LENGTH = 16;

	private DemoSecretGuard() {
	}

	static void check(IdentityProperties properties) {
		List<String> problems = new ArrayList<>();
		for (IdentityProperties.Client client : properties.clients()) {
			if (client.id() == null || client.id().isBlank() || client.secret() == null) {
				problems.add("a client has no id or no secret");
				continue;
			}
			checkRoles("client " + client.id(), client.roles(), problems);
			if (!properties.allowDemoSecrets() && weak(client.secret(), client.id() + "-secret")) {
				problems.add("client " + client.id() + " uses a demo or short secret");
			}
		}
		for (IdentityProperties.User user : properties.users()) {
			if (user.username() == null || user.password() == null) {
				problems.add("a user has no username or no password");
				continue;
			}
			checkRoles("user " + user.username(), user.roles(), problems);
			if (!properties.allowDemoSecrets() && weak(user.password(), user.username() + "-password")) {
				problems.add("user " + user.username() + " uses a demo or short password");
			}
		}
		if (!properties.allowDemoSecrets() && (properties.signingKey() == null || properties.signingKey().isBlank())) {
			problems.add("no signing key (IDENTITY_SIGNINGKEY): each replica and each restart would sign with a key "
					+ "of its own, and the others' tokens would be refused");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start the issuer: " + String.join("; ", problems)
					+ ". Give real secrets through the environment (or set identity.allow-demo-secrets=true for a local demo only).");
		}
	}

	private static void checkRoles(String who, Set<String> roles, List<String> problems) {
		if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
			problems.add(who + " must have roles among " + ROLES);
		}
	}

	private static boolean weak(String secret, String demo) {
		boolean hashed = secret.startsWith("{bcrypt}") || secret.startsWith("{argon2}")
				|| secret.startsWith("{pbkdf2}");
		return secret.equals(demo) || secret.equals("{noop}" + demo)
				|| (!hashed && secret.length() < MIN_SECRET_LENGTH);
	}

}
