package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058) that work without logging in: the token names
 * the recipient and event family and is signed, so it cannot be changed to unsubscribe
 * someone else.
 */
@Component
public class UnsubscribeLinks {

	private final byte[] key;

	private final String baseUrl;

	public UnsubscribeLinks(@Value("${notifications.unsubscribe.secret:}") String secret,
			@Value("${notifications.public-base-url:http://localhost:8080}") String baseUrl) {
		if (secret.isBlank()) {
			LoggerFactory.getLogger(UnsubscribeLinks.class)
				.warn("notifications.unsubscribe.secret is not set: a random one is used, so links sent before a restart stop working");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.key = random;
		}
		else {
			this.key = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.baseUrl = baseUrl;
	}

	public String link(String recipient, String family) {
		return this.baseUrl + "/api/v1/notifications/unsubscribe?token=" + token(recipient, family);
	}

	String token(String recipient, String family) {
		String claim = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((recipient + "\n" + family).getBytes(StandardCharsets.UTF_8));
		return claim + "." + sign(claim);
	}

	/**
	 * @return {recipient, family}, or null when the token is not one of ours
	 */
	public String[] verify(String token) {
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
			String[] parts = new String(Base64.getUrlDecoder().decode(claim), StandardCharsets.UTF_8).split("\n", 2);
			return parts.length == 2 ? parts : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String sign(String claim) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
