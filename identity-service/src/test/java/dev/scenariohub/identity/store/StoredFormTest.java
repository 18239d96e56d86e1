package dev.scenariohub.identity.store;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

class StoredFormTest {

	/** Stands for any class a forged document could name to run code on reading. */
	record Foreign(String payload) implements Serializable {
	}

	@Test
	void readsBackWhatSignInStores() {
		HashMap<String, Object> attributes = new HashMap<>();
		attributes.put("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(UsernamePasswordAuthenticationToken
			.authenticated("demo-officer", null, List.of(new SimpleGrantedAuthority("ROLE_officer")))));

		HashMap<?, ?> read = StoredForm.deserialized(StoredForm.serialized(attributes), HashMap.class, "session")
			.orElseThrow();

		assertThat(read).isEqualTo(attributes);
	}

	@Test
	void refusesToInstantiateAnyOtherClass() {
		HashMap<String, Object> attributes = new HashMap<>();
		attributes.put("x", new Foreign("gadget"));

		assertThat(StoredForm.deserialized(StoredForm.serialized(attributes), HashMap.class, "session")).isEmpty();
	}

	@Test
	void somethingOfAnotherTypeCountsAsAbsent() {
		assertThat(StoredForm.deserialized(StoredForm.serialized("text"), HashMap.class, "session")).isEmpty();
	}

	@Test
	void looksSecretsUpByDigestNeverByValue() {
		assertThat(StoredForm.digest("session-id")).isEqualTo(StoredForm.digest("session-id"))
			.isNotEqualTo(StoredForm.digest("session-id2"))
			.doesNotContain("session-id");
	}

}
