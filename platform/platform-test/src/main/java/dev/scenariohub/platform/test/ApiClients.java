package dev.scenariohub.platform.test;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP clients for a WebFlux application under test: bound to its context with its real
 * security filters, and signed in with a JWT of a given subject and roles (the decoder is
 * bypassed; the roles become {@code ROLE_…} authorities as the real converter makes
 * them).
 */
public final class ApiClients {

	private ApiClients() {
	}

	/** An anonymous client of the application. */
	public static WebTestClient anonymous(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context)
			.apply(SecurityMockServerConfigurers.springSecurity())
			.configureClient()
			.build();
	}

	/** The same client, signed in as {@code sub} with the given roles. */
	public static WebTestClient as(WebTestClient anonymous, String sub, String... roles) {
		List<String> claimed = Arrays.asList(roles);
		return anonymous.mutateWith(SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject(sub).claim("roles", claimed))
			.authorities(claimed.stream()
				.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
				.toList()));
	}

}
