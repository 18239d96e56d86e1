package dev.scenariohub.identity.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the issuer keeps Spring Security's own objects in the store: Java serialization,
 * read back only for the JDK's and Spring Security's classes, and secret values (token
 * values, session ids) looked up by their SHA-256 instead of stored as keys.
 *
 * <p>
 * What cannot be read back (written by another version of Spring Security, or not the
 * expected type) counts as absent, with a warning: the person signs in again.
 */
final class StoredForm {

	private static final Logger log = LoggerFactory.getLogger(StoredForm.class);

	/** Only what sign-in and authorizations hold; nothing else is ever instantiated. */
	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("maxdepth=20;maxrefs=10000;maxbytes=1000000;java.lang.*;java.util.*;java.time.*;java.net.URL;"
				+ "org.springframework.security.**;!*");

	private StoredForm() {
	}

	static byte[] serialized(Serializable value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot serialize " + value.getClass().getName(), ex);
		}
		return bytes.toByteArray();
	}

	static <T> Optional<T> deserialized(byte[] bytes, Class<T> type, String what) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(ALLOWED);
			Object value = in.readObject();
			if (type.isInstance(value)) {
				return Optional.of(type.cast(value));
			}
			log.warn("Ignoring stored {}: it holds a {}, not a {}", what, value.getClass().getName(), type.getName());
		}
		catch (InvalidClassException ex) {
			log.warn("Ignoring stored {} written by another version or refused by the filter: {}", what,
					ex.getMessage());
		}
		catch (IOException | ClassNotFoundException ex) {
			log.warn("Ignoring stored {} that cannot be read: {}", what, ex.toString());
		}
		return Optional.empty();
	}

	/** The key a secret value is found by: its SHA-256, base64url. */
	static String digest(String secret) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
