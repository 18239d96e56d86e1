package dev.scenariohub.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts outbox events on Kafka as CloudEvents 1.0 in binary content mode (the CloudEvents Kafka
 * protocol binding: {@code ce_*} headers, {@code content-type}, the JSON payload as value),
 * record key = aggregate id. The producer is idempotent with {@code acks=all}.
 */
public class CloudEventPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final URI source;

	public CloudEventPublisher(KafkaTemplate<String, byte[]> kafka, URI source) {
		this.kafka = kafka;
		this.source = source;
	}

	public CloudEvent toCloudEvent(OutboxEvent event) {
		return CloudEventBuilder.v1()
			.withId(event.id())
			.withType(event.type())
			.withSource(this.source)
			.withSubject(event.subject())
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withExtension("sequence", event.sequence())
			.withData(event.data().getBytes(StandardCharsets.UTF_8))
			.build();
	}

	/**
	 * Sends the events in the given order and completes when the broker has acknowledged all of
	 * them. Sending happens off the caller's thread: a producer may block while it fetches
	 * metadata.
	 */
	public Mono<Void> publish(String topic, List<OutboxEvent> events) {
		return Mono.fromCallable(() -> {
			CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
			for (int i = 0; i < events.size(); i++) {
				OutboxEvent event = events.get(i);
				ProducerRecord<String, byte[]> record = KafkaMessageFactory
					.<String>createWriter(topic, event.subject())
					.writeBinary(toCloudEvent(event));
				acks[i] = this.kafka.send(record);
			}
			return CompletableFuture.allOf(acks);
		}).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture).then();
	}
}
