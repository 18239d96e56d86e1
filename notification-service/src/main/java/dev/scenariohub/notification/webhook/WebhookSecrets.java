package dev.scenariohub.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets as they are stored: sealed with AES-256-GCM under a key derived
 * from {@code notifications.webhooks.secret-key}, so that a copy of the database (a
 * backup, a dump, a read-only user) is not enough to sign events as ScenarioHub. The
 * stored form is {@code enc1:<key id>:<base64 of IV + ciphertext + tag>}; the key id is
 * the start of the key's SHA-256, so that after a rotation
 * ({@code notifications.webhooks.previous-secret-key}) each stored secret is opened with
 * the key that sealed it.
 */
@Component
public class WebhookSecrets {

	static final String PREFIX = "enc1:";

	/** A fixed salt: the key is a random secret of its own, not a password to stretch. */
	private static final String SALT = "7363656e6172696f6875622d776831";

	private static final int MINIMUM_KEY_LENGTH = 32;

	private final String currentId;

	private final Map<String, BytesEncryptor> keys = new LinkedHashMap<>();

	public WebhookSecrets(@Value("${notifications.webhooks.secret-key:}") String key,
			@Value("${notifications.webhooks.previous-secret-key:}") String previousKey) {
		if (key == null || key.isBlank()) {
			throw new IllegalStateException("notifications.webhooks.secret-key (NOTIFICATIONS_WEBHOOKS_SECRETKEY) "
					+ "is not set: webhook secrets are stored encrypted with it. Set it from a secret of at least "
					+ MINIMUM_KEY_LENGTH + " characters, e.g. openssl rand -base64 32");
		}
		if (key.length() < MINIMUM_KEY_LENGTH) {
			throw new IllegalStateException("notifications.webhooks.secret-key is shorter than " + MINIMUM_KEY_LENGTH
					+ " characters; use e.g. openssl rand -base64 32");
		}
		this.currentId = idOf(key);
		this.keys.put(this.currentId, Encryptors.stronger(key, SALT));
		if (previousKey != null && !previousKey.isBlank()) {
			this.keys.putIfAbsent(idOf(previousKey), Encryptors.stronger(previousKey, SALT));
		}
	}

	/** The stored form of a secret, sealed with the current key. */
	public String seal(String secret) {
		byte[] sealed = this.keys.get(this.currentId).encrypt(secret.getBytes(StandardCharsets.UTF_8));
		return PREFIX + this.currentId + ":" + Base64.getEncoder().encodeToString(sealed);
	}

	/**
	 * The secret itself. A secret stored before secrets were sealed is returned as it is.
	 * @throws IllegalStateException when it was sealed with a key that is neither the
	 * current nor the previous one
	 */
	public String open(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		String[] parts = stored.split(":", 3);
		BytesEncryptor key = this.keys.get(parts[1]);
		if (key == null) {
			throw new IllegalStateException("a webhook secret is sealed with key " + parts[1]
					+ ", which is neither notifications.webhooks.secret-key nor the previous key");
		}
		return new String(key.decrypt(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
	}

	/**
	 * Whether a stored secret is sealed with the current key (else it should be sealed
	 * again).
	 */
	public boolean sealedWithCurrentKey(String stored) {
		return stored != null && stored.startsWith(PREFIX + this.currentId + ":");
	}

	private static String idOf(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
