package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.LoggerFactory;

/**
 * Signs the fields of a link that works without logging in (HMAC-SHA-256), so that nobody
 * can change what it names. A token is the fields, base64url-encoded, a dot and the
 * signature. Each purpose signs with its own key derived from the secret, so a token made
 * for one purpose is refused by every other.
 */
final class LinkSigner {

	private final byte[] key;

	private LinkSigner(byte[] key) {
		this.key = key;
	}

	/**
	 * A signer with the configured secret, or with a random one (and a warning) when none
	 * is configured. {@code purpose} null signs with the secret itself, as the first kind
	 * of link (unsubscribing) always did, so links already sent keep working.
	 */
	static LinkSigner of(String secret, String property, String purpose) {
		byte[] base;
		if (secret == null || secret.isBlank()) {
			LoggerFactory.getLogger(LinkSigner.class)
				.warn("{} is not set: a random one is used, so links sent before a restart stop working", property);
			base = new byte[32];
			new SecureRandom().nextBytes(base);
		}
		else {
			base = secret.getBytes(StandardCharsets.UTF_8);
		}
		return new LinkSigner(purpose == null ? base : mac(base, purpose.getBytes(StandardCharsets.UTF_8)));
	}

	String token(String... fields) {
		String claim = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
		return claim + "." + sign(claim);
	}

	/**
	 * @return the {@code count} fields of a token signed by this signer, or null when it
	 * is not one
	 */
	String[] verify(String token, int count) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot < 1) {
			return null;
		}
		String claim = token.substring(0, dot);
		if (!MessageDigest.isEqual(sign(claim).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		try {
			String[] fields = new String(Base64.getUrlDecoder().decode(claim), StandardCharsets.UTF_8).split("\n",
					count);
			return fields.length == count ? fields : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String sign(String claim) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac(this.key, claim.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] mac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
