package dev.scenariohub.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A receiver of the owner's events over HTTP, signed per Standard Webhooks.
 *
 * @param eventTypes CloudEvents types to send; empty means every type the owner is told
 * of
 * @param secret {@code whsec_…}, shown once at creation
 */
public record Webhook(String id, String owner, String url, List<String> eventTypes, String secret, Instant createdAt) {

	public Webhook {
		eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
	}

	public Webhook withSecret(String secret) {
		return new Webhook(this.id, this.owner, this.url, this.eventTypes, secret, this.createdAt);
	}

	public boolean wants(String type) {
		return this.eventTypes.isEmpty() || this.eventTypes.contains(type);
	}
}
