package dev.scenariohub.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event waiting in an aggregate document's {@code outbox} array until the relay has
 * published it. {@code data} is the JSON payload exactly as it will go on the wire.
 *
 * @param id CloudEvents {@code id}: a UUID, unique forever
 * @param type CloudEvents {@code type}, e.g.
 * {@code dev.scenariohub.scenario.published.v1}
 * @param subject the aggregate id (also the Kafka record key)
 * @param sequence the aggregate's version once this event is applied
 * @param time when it happened
 * @param data JSON payload
 * @param trace the W3C trace headers of what caused the event (empty when untraced)
 */
public record OutboxEvent(String id, String type, String subject, long sequence, Instant time, String data,
		Map<String, String> trace) {

	public OutboxEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
		trace = trace == null ? Map.of() : Map.copyOf(trace);
	}

	/** An event that continues no trace. */
	public OutboxEvent(String id, String type, String subject, long sequence, Instant time, String data) {
		this(id, type, subject, sequence, time, data, Map.of());
	}

}
