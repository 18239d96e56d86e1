package dev.scenariohub.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

import static org.assertj.core.api.Assertions.assertThat;

class EventProcessingTest {

	private static ConsumerRecord<Object, Object> record(String type) {
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("scenarios", 0, 7,
				"scenario-1".getBytes(StandardCharsets.UTF_8), new byte[0]);
		if (type != null) {
			record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		}
		record.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static KafkaRecordReceiverContext context(ConsumerRecord<Object, Object> record) {
		return new KafkaRecordReceiverContext(record, "listener", () -> "cluster");
	}

	@Test
	void aConsumersSpanIsNamedAfterTheEventAndNamesItsAggregate() {
		var convention = new EventProcessing.ProcessConvention();
		var context = context(record("dev.scenariohub.scenario.published.v1"));
		assertThat(convention.getContextualName(context)).isEqualTo("dev.scenariohub.scenario.published.v1 process");
		assertThat(convention.getHighCardinalityKeyValues(context).stream()).anySatisfy(
				kv -> assertThat(kv.getKey() + "=" + kv.getValue()).isEqualTo("scenariohub.aggregate.id=scenario-1"));
	}

	@Test
	void aRecordThatIsNotACloudEventKeepsTheTopicsName() {
		assertThat(new EventProcessing.ProcessConvention().getContextualName(context(record(null))))
			.isEqualTo("scenarios process");
	}

	@Test
	void whatIsLoggedWhileARecordIsProcessedNamesItsAggregateAndEventAndNothingAfter() {
		var logging = new EventProcessing.LoggingContext();
		ConsumerRecord<Object, Object> record = record("dev.scenariohub.scenario.closed.v1");
		logging.intercept(record, null);
		assertThat(MDC.get(EventProcessing.AGGREGATE_ID)).isEqualTo("scenario-1");
		assertThat(MDC.get(EventProcessing.EVENT_TYPE)).isEqualTo("dev.scenariohub.scenario.closed.v1");
		assertThat(MDC.get(EventProcessing.EVENT_ID)).isEqualTo("event-1");
		logging.afterRecord(record, null);
		assertThat(MDC.get(EventProcessing.AGGREGATE_ID)).isNull();
		assertThat(MDC.get(EventProcessing.EVENT_TYPE)).isNull();
	}

}
