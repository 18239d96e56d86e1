package dev.scenariohub.platform.events;

import java.util.Map;
import java.util.Objects;

/**
 * An event an aggregate has raised and that a save must store in its outbox (and its
 * history).
 *
 * @param type the versioned event type
 * @param payload the payload record, serialised to JSON when it is stored
 * @param actor who caused it (a token's {@code sub}, or {@code system} for time-driven
 * changes)
 * @param trace the W3C trace headers of the work that caused it, when that is not the
 * current span (work that ran apart from any request or record, such as a delivery);
 * empty means the current span's
 */
public record PendingEvent(EventType type, Object payload, String actor, Map<String, String> trace) {

	public PendingEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(actor, "actor");
		trace = trace == null ? Map.of() : Map.copyOf(trace);
	}

	/** An event caused by the work of the current span. */
	public PendingEvent(EventType type, Object payload, String actor) {
		this(type, payload, actor, Map.of());
	}
}
