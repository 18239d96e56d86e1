package dev.scenariohub.notification.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058) that work without logging in: the token names
 * the recipient and event family and is signed, so it cannot be changed to unsubscribe
 * someone else.
 */
@Component
public class UnsubscribeLinks {

	private final LinkSigner signer;

	private final String baseUrl;

	public UnsubscribeLinks(@Value("${notifications.unsubscribe.secret:}") String secret,
			@Value("${notifications.public-base-url:http://localhost:8080}") String baseUrl) {
		this.signer = LinkSigner.of(secret, "notifications.unsubscribe.secret", null);
		this.baseUrl = baseUrl;
	}

	public String link(String recipient, String family) {
		return this.baseUrl + "/api/v1/notifications/unsubscribe?token=" + token(recipient, family);
	}

	String token(String recipient, String family) {
		return this.signer.token(recipient, family);
	}

	/**
	 * @return {recipient, family}, or null when the token is not one of ours
	 */
	public String[] verify(String token) {
		return this.signer.verify(token, 2);
	}

}
