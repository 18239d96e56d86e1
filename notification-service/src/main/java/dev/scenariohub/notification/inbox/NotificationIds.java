package dev.scenariohub.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic notification ids, so that redelivered events create nothing new. */
public final class NotificationIds {

	private NotificationIds() {
	}

	/** 24 hex characters of SHA-256 over (event id, recipient, channel). */
	public static String of(String eventId, String recipient, String channel) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((eventId + "\n" + recipient + "\n" + channel).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
