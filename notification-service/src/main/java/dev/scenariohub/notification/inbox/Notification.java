package dev.scenariohub.notification.inbox;

import java.time.Instant;

/**
 * One message in someone's in-app inbox.
 *
 * @param id derived from (event id, recipient, channel): the same event never notifies
 * twice
 * @param type the CloudEvents type that caused it
 * @param link the API resource it is about
 * @param readAt null while unread
 */
public record Notification(String id, String recipient, String type, String title, String body, String link,
		String eventId, String locale, Instant createdAt, Instant readAt) {
}
