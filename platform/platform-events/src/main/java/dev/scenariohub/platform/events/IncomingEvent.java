package dev.scenariohub.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent received from Kafka in binary content mode, decoded by the CloudEvents
 * SDK.
 *
 * @param id unique event id (dedupe key for consumers that act on every event)
 * @param type versioned type
 * @param source producing service
 * @param subject aggregate id
 * @param sequence the aggregate's version after this event (read models keep the newest)
 * @param time when it happened
 * @param data the JSON payload
 */
public record IncomingEvent(String id, String type, String source, String subject, long sequence, Instant time,
		byte[] data) {

	/**
	 * Decodes a message handed to an imperative {@code Consumer<Message<byte[]>>}
	 * binding.
	 */
	public static IncomingEvent from(Message<byte[]> message) {
		RecordHeaders headers = new RecordHeaders();
		for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
			String name = header.getKey();
			if (name.startsWith("ce_") || name.equals("content-type")) {
				headers.add(name, bytesOf(header.getValue()));
			}
		}
		return from(headers, message.getPayload());
	}

	/** Decodes a record read by a plain Kafka consumer. */
	public static IncomingEvent from(ConsumerRecord<?, byte[]> record) {
		return from(record.headers(), record.value());
	}

	private static IncomingEvent from(Headers headers, byte[] payload) {
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(headers, payload).toEvent();
		}
		catch (CloudEventRWException | IllegalStateException ex) {
			throw new MalformedEventException("not a CloudEvent: " + ex.getMessage(), ex);
		}
		Object sequence = event.getExtension("sequence");
		if (event.getSubject() == null || sequence == null || event.getTime() == null || event.getData() == null) {
			throw new MalformedEventException(
					"event " + event.getId() + " lacks subject, time, data or the sequence extension");
		}
		long seq;
		try {
			seq = Sequences.parse(sequence);
		}
		catch (NumberFormatException ex) {
			throw new MalformedEventException("event " + event.getId() + " has a non-numeric sequence: " + sequence);
		}
		return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(), seq,
				event.getTime().toInstant(), event.getData().toBytes());
	}

	/** The type, parsed; a type that is not one of ours makes the event malformed. */
	public EventType eventType() {
		try {
			return EventType.parse(this.type);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException(ex.getMessage(), ex);
		}
	}

	/** The payload as the given record type; a payload that does not fit is malformed. */
	public <T> T dataAs(JsonMapper json, Class<T> type) {
		try {
			return json.readValue(this.data, type);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("payload of " + this.type + " " + this.id + " does not fit "
					+ type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private static byte[] bytesOf(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
	}
}
