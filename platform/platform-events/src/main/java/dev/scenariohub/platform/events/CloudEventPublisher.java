package dev.scenariohub.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Puts outbox events on Kafka as CloudEvents 1.0 in binary content mode (the CloudEvents
 * Kafka protocol binding: {@code ce_*} headers, {@code content-type}, the JSON payload as
 * value), record key = aggregate id. The producer is idempotent with {@code acks=all}.
 */
public class CloudEventPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final URI source;

	/**
	 * Longer than the producer's {@code max.block.ms} + {@code delivery.timeout.ms} set
	 * here.
	 */
	public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Sends are prepared here: a producer waiting for metadata blocks only these threads.
	 */
	private static final Scheduler SENDING = Schedulers.newBoundedElastic(4, 10_000, "outbox-publish", 60, true);

	private final Duration sendTimeout;

	private final TraceContexts traces;

	public CloudEventPublisher(KafkaTemplate<String, byte[]> kafka, URI source) {
		this(kafka, source, DEFAULT_SEND_TIMEOUT);
	}

	/**
	 * @param sendTimeout how long {@link #publish} waits for the broker's acks at most;
	 * set it above the producer's own {@code max.block.ms} + {@code delivery.timeout.ms},
	 * so that when it fires the producer has given up too and nothing is still in flight
	 */
	public CloudEventPublisher(KafkaTemplate<String, byte[]> kafka, URI source, Duration sendTimeout) {
		this(kafka, source, sendTimeout, TraceContexts.none());
	}

	/**
	 * @param traces each event is sent in a span {@code <type> publish} that continues
	 * the trace kept with it; the record's headers carry that span's {@code traceparent}
	 */
	public CloudEventPublisher(KafkaTemplate<String, byte[]> kafka, URI source, Duration sendTimeout,
			TraceContexts traces) {
		this.kafka = kafka;
		this.source = source;
		this.sendTimeout = sendTimeout;
		this.traces = traces;
	}

	public Duration sendTimeout() {
		return this.sendTimeout;
	}

	public CloudEvent toCloudEvent(OutboxEvent event) {
		return CloudEventBuilder.v1()
			.withId(event.id())
			.withType(event.type())
			.withSource(this.source)
			.withSubject(event.subject())
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withExtension("sequence", Sequences.format(event.sequence()))
			.withData(event.data().getBytes(StandardCharsets.UTF_8))
			.build();
	}

	/**
	 * Sends the events in the given order and completes when the broker has acknowledged
	 * all of them, or fails after the send timeout. Sending happens off the caller's
	 * thread, on threads of its own: a producer may block while it fetches metadata.
	 */
	public Mono<Void> publish(String topic, List<OutboxEvent> events) {
		return Mono.fromCallable(() -> {
			CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
			for (int i = 0; i < events.size(); i++) {
				OutboxEvent event = events.get(i);
				ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, event.subject())
					.writeBinary(toCloudEvent(event));
				TraceContexts.Started span = this.traces.start(event.type() + " publish", Span.Kind.PRODUCER,
						event.trace());
				span.headers()
					.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				acks[i] = this.kafka.send(record).whenComplete((sent, error) -> span.end(error));
			}
			return CompletableFuture.allOf(acks);
		}).subscribeOn(SENDING).flatMap(Mono::fromFuture).timeout(this.sendTimeout).then();
	}

}
