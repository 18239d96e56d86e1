package dev.scenariohub.platform.events;

import java.nio.charset.StandardCharsets;

import io.micrometer.common.KeyValues;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * How every consumer processes a record, as operators see it: under a span named
 * {@code <event type> process} that continues the record's trace and names the aggregate
 * ({@code scenariohub.aggregate.id}), and with the aggregate id, event type and event id
 * in the logging context ({@code aggregate.id}, {@code event.type}, {@code event.id}) of
 * everything logged meanwhile.
 */
public class EventProcessing implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> {

	/** Logging context keys. */
	public static final String AGGREGATE_ID = "aggregate.id";

	public static final String EVENT_TYPE = "event.type";

	public static final String EVENT_ID = "event.id";

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group) {
		container.getContainerProperties().setObservationConvention(new ProcessConvention());
		((AbstractMessageListenerContainer) container).setRecordInterceptor(new LoggingContext());
	}

	/** The record's key, the aggregate id (the binder hands it over as bytes). */
	static String aggregateId(ConsumerRecord<?, ?> record) {
		Object key = record.key();
		if (key instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return key == null ? null : key.toString();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** Names a consumer's span after the CloudEvent it processes. */
	static final class ProcessConvention extends KafkaListenerObservation.DefaultKafkaListenerObservationConvention {

		@Override
		public String getContextualName(KafkaRecordReceiverContext context) {
			String type = header(context.getRecord(), "ce_type");
			return type == null ? super.getContextualName(context) : type + " process";
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(KafkaRecordReceiverContext context) {
			String id = aggregateId(context.getRecord());
			KeyValues values = super.getHighCardinalityKeyValues(context);
			return id == null ? values : values.and("scenariohub.aggregate.id", id);
		}

	}

	/**
	 * Puts the record's aggregate and event into the logging context while it is
	 * processed.
	 */
	static final class LoggingContext implements RecordInterceptor<Object, Object> {

		@Override
		public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
				Consumer<Object, Object> consumer) {
			put(AGGREGATE_ID, aggregateId(record));
			put(EVENT_TYPE, header(record, "ce_type"));
			put(EVENT_ID, header(record, "ce_id"));
			return record;
		}

		private static void put(String key, String value) {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		}

		@Override
		public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
			clear();
		}

		@Override
		public void clearThreadState(Consumer<?, ?> consumer) {
			clear();
		}

		private static void clear() {
			MDC.remove(AGGREGATE_ID);
			MDC.remove(EVENT_TYPE);
			MDC.remove(EVENT_ID);
		}

	}

}
