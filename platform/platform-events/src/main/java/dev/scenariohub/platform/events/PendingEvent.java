package dev.scenariohub.platform.events;

import java.util.Objects;

/**
 * An event an aggregate has raised and that a save must store in its outbox (and its
 * history).
 *
 * @param type the versioned event type
 * @param payload the payload record, serialised to JSON when it is stored
 * @param actor who caused it (a token's {@code sub}, or {@code system} for time-driven
 * changes)
 */
public record PendingEvent(EventType type, Object payload, String actor) {

	public PendingEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(actor, "actor");
	}
}
