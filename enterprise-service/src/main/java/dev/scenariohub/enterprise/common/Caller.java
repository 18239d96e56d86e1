package dev.scenariohub.enterprise.common;

import dev.scenariohub.platform.security.Roles;
import org.springframework.security.core.Authentication;

/** Who is calling: the token's subject and whether it is an officer. */
public record Caller(String sub, boolean officer) {

	public static Caller of(Authentication authentication) {
		boolean officer = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.OFFICER)));
		return new Caller(authentication.getName(), officer);
	}
}
