package dev.scenariohub.notification.delivery;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One notification on its way out over a channel that can fail: a webhook call or an
 * e-mail. Its id is derived from (event id, recipient, channel and target), so an event
 * seen twice is delivered once; the same id is the Standard Webhooks {@code webhook-id}
 * on every attempt.
 *
 * @param target the webhook id, or the e-mail address
 * @param subject e-mail subject (e-mail only)
 * @param body the webhook body (the CloudEvent, structured JSON) or the e-mail text
 * @param family the event family, for the unsubscribe link
 * @param trace the W3C trace headers of the work that planned it (empty when untraced):
 * each attempt continues that trace
 */
public record Delivery(String id, DeliveryChannel channel, String recipient, String target, String eventId,
		String eventType, String family, String subject, String body, DeliveryStatus status, int attempts,
		Instant nextAttemptAt, String lastError, Instant createdAt, Instant doneAt,
		@JsonIgnore Map<String, String> trace) {

	public Delivery {
		trace = trace == null ? Map.of() : Map.copyOf(trace);
	}

	/** What is sent, whatever the attempt. */
	public record Content(String eventId, String eventType, String family, String subject, String body) {
	}

	/** A new delivery, due now, continuing no trace. */
	public static Delivery pending(String id, DeliveryChannel channel, String recipient, String target, Content content,
			Instant now) {
		return pending(id, channel, recipient, target, content, now, Map.of());
	}

	/** A new delivery, due now, continuing the given trace. */
	public static Delivery pending(String id, DeliveryChannel channel, String recipient, String target, Content content,
			Instant now, Map<String, String> trace) {
		return new Delivery(id, channel, recipient, target, content.eventId(), content.eventType(), content.family(),
				content.subject(), content.body(), DeliveryStatus.PENDING, 0, now, null, now, null, trace);
	}

	Delivery attempted(DeliveryStatus status, int attempts, Instant nextAttemptAt, String error, Instant doneAt) {
		return new Delivery(this.id, this.channel, this.recipient, this.target, this.eventId, this.eventType,
				this.family, this.subject, this.body, status, attempts, nextAttemptAt, error, this.createdAt, doneAt,
				this.trace);
	}
}
