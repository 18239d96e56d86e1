package dev.scenariohub.platform.security;

import org.springframework.security.core.Authentication;

/**
 * Who is calling: the token's subject and whether it carries the officer role. An
 * anonymous caller (a public read) has no subject and is no officer.
 */
public record Caller(String sub, boolean officer) {

	public static final Caller ANONYMOUS = new Caller(null, false);

	public static Caller of(Authentication authentication) {
		if (authentication == null) {
			return ANONYMOUS;
		}
		return new Caller(authentication.getName(), hasRole(authentication, Roles.OFFICER));
	}

	/** Whether the authentication carries {@code role} (e.g. {@link Roles#OFFICER}). */
	public static boolean hasRole(Authentication authentication, String role) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals(Roles.authority(role)));
	}
}
