package dev.scenariohub.notification.delivery;

import java.util.Map;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;

/**
 * {@code notification.delivered} and {@code notification.failed} on topic
 * {@code notifications}.
 */
public final class DeliveryEvents {

	public static final EventType DELIVERED = EventType.of("notification", "delivered", 1);

	public static final EventType FAILED = EventType.of("notification", "failed", 1);

	private DeliveryEvents() {
	}

	/** The payload of both (the recipient is a subject id; no addresses or bodies). */
	public record Outcome(String deliveryId, DeliveryChannel channel, String recipient, String eventId,
			String eventType, DeliveryStatus status, int attempts, String error) {
	}

	/** The outcome of a finished delivery, continuing the trace of its last attempt. */
	static PendingEvent of(Delivery d, Map<String, String> attempt) {
		return new PendingEvent(
				d.status() == DeliveryStatus.DELIVERED ? DELIVERED : FAILED, new Outcome(d.id(), d.channel(),
						d.recipient(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastError()),
				"system", attempt);
	}

}
