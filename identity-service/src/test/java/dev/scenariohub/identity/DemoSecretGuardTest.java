package dev.scenariohub.identity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSecretGuardTest {

	private static IdentityProperties withClient(String id, String secret, boolean allowDemo) {
		return new IdentityProperties("http://issuer", allowDemo, allowDemo ? null : "a key", null,
				List.of(new IdentityProperties.Client(id, secret, Set.of("officer"))), List.of(), null);
	}

	@Test
	void refusesTheDemoSecretsOutsideTheDemo() {
		assertThatThrownBy(() -> DemoSecretGuard.check(withClient("demo-officer", "demo-officer-secret", false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo-officer");
	}

	@Test
	void refusesShortPlainSecrets() {
		assertThatThrownBy(() -> DemoSecretGuard.check(withClient("bureau-console", "hunter2", false)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void acceptsLongOrHashedSecrets() {
		assertThatCode(() -> DemoSecretGuard.check(withClient("bureau-console", "q8V2m0xW7d1LzR4pN6sT", false)))
			.doesNotThrowAnyException();
		assertThatCode(() -> DemoSecretGuard.check(withClient("bureau-console", "{bcrypt}$2a$10$abc", false)))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesUnknownRoles() {
		IdentityProperties properties = new IdentityProperties("http://issuer", true, null, null,
				List.of(new IdentityProperties.Client("x", "demo", Set.of("superuser"))), List.of(), null);
		assertThatThrownBy(() -> DemoSecretGuard.check(properties)).hasMessageContaining("roles");
	}

	@Test
	void refusesToRunWithoutASigningKeyOfItsOwnOutsideTheDemo() {
		IdentityProperties properties = new IdentityProperties("http://issuer", false, " ", null,
				List.of(new IdentityProperties.Client("bureau-console", "q8V2m0xW7d1LzR4pN6sT", Set.of("officer"))),
				List.of(), null);
		assertThatThrownBy(() -> DemoSecretGuard.check(properties)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("IDENTITY_SIGNINGKEY");
	}

	@Test
	void acceptsTheDemoSecretsWhenTheDemoAsksForThem() {
		assertThatCode(() -> DemoSecretGuard.check(withClient("demo-officer", "demo-officer-secret", true)))
			.doesNotThrowAnyException();
	}

}
