package dev.scenariohub.platform.events;

import java.util.Objects;

/**
 * An event an aggregate has raised and that a save must store in its outbox.
 *
 * @param type    the versioned event type
 * @param payload the payload record, serialised to JSON when it is stored
 */
public record PendingEvent(EventType type, Object payload) {

	public PendingEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(payload, "payload");
	}
}
