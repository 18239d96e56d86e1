package dev.scenariohub.platform.security;

/**
 * The roles a token's {@code roles} claim may carry, as Spring authorities
 * ({@code ROLE_…}).
 */
public final class Roles {

	public static final String OFFICER = "officer";

	public static final String REVIEWER = "reviewer";

	public static final String ENTERPRISE = "enterprise";

	public static final String ADMIN = "admin";

	private Roles() {
	}

	public static String authority(String role) {
		return "ROLE_" + role;
	}

}
