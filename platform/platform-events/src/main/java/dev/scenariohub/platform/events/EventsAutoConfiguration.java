package dev.scenariohub.platform.events;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets for its events: the outbox store and relays, the CloudEvents
 * publisher with an idempotent {@code acks=all} producer, and dead-letter topics named
 * {@code <topic>.<group>.dlq}. Consumer retry and DLQ defaults come from
 * {@link ConsumerDefaults}.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// together below CloudEventPublisher.DEFAULT_SEND_TIMEOUT, which is below the
		// outbox lease
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		// a relay waits for each document's acks before the next claim: lingering for a
		// fuller batch (5 ms by default since Kafka 4.0) would only delay every event;
		// sends queued while a request is in flight are still batched
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
	}

	/** The W3C trace context, when tracing is on the class path and configured. */
	@Bean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer current = tracer.getIfAvailable();
		Propagator w3c = propagator.getIfAvailable();
		return current == null || w3c == null ? TraceContexts.none() : new TraceContexts(current, w3c);
	}

	/**
	 * Consumers process each record under a span named after its event, with the
	 * aggregate in the logging context.
	 */
	@Bean
	@ConditionalOnMissingBean(ListenerContainerCustomizer.class)
	EventProcessing eventProcessing() {
		return new EventProcessing();
	}

	@Bean
	CloudEventPublisher cloudEventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate,
			EventsProperties properties, @Value("${spring.application.name:application}") String applicationName,
			TraceContexts traces) {
		String source = properties.source() != null ? properties.source() : "/" + applicationName;
		return new CloudEventPublisher(outboxKafkaTemplate, URI.create(source),
				CloudEventPublisher.DEFAULT_SEND_TIMEOUT, traces);
	}

	/**
	 * Leases run on the machine's clock, not on the application's (which tests move): a
	 * lease is about how long a relay may be silent, not about domain time.
	 */
	@Bean
	OutboxRelays outboxRelays(ReactiveMongoTemplate mongo, CloudEventPublisher publisher, EventsProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		if (properties.lease().compareTo(publisher.sendTimeout()) <= 0) {
			throw new IllegalStateException("scenariohub.events.lease (" + properties.lease()
					+ ") must be longer than the longest send (" + publisher.sendTimeout()
					+ "), or a second relay could publish events that are still in flight");
		}
		List<OutboxRelay> relays = properties.outboxes()
			.entrySet()
			.stream()
			.map(entry -> new OutboxRelay(mongo, publisher, entry.getKey(), entry.getValue(), properties.lease(),
					Clock.systemUTC(), registry))
			.toList();
		return new OutboxRelays(relays, properties.sweepInterval(), properties.sweepBatch());
	}

	@Bean
	OutboxBacklog outboxBacklog(ReactiveMongoTemplate mongo, EventsProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new OutboxBacklog(mongo, properties.outboxes().keySet(), meters.getIfAvailable(SimpleMeterRegistry::new),
				Clock.systemUTC());
	}

	@Bean
	PeriodicTask outboxBacklogTask(OutboxBacklog backlog, EventsProperties properties,
			@Value("${scenariohub.events.backlog-interval:PT10S}") Duration interval) {
		return new PeriodicTask("outbox backlog", properties.outboxes().isEmpty() ? Duration.ZERO : interval,
				backlog::refresh);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> outboxIndexes(OutboxRelays relays) {
		return ready -> relays.prepare().block(Duration.ofSeconds(30));
	}

	@Bean
	PeriodicTask outboxSweeper(OutboxRelays relays) {
		return relays.sweeper();
	}

	/**
	 * Idempotency keys (platform-web, when present) are forgotten after their TTL on any
	 * store, not only where MongoDB's TTL monitor runs.
	 */
	@Bean
	@ConditionalOnProperty("scenariohub.idempotency.ttl")
	RetentionRule idempotencyKeysRetention(@Value("${scenariohub.idempotency.ttl}") Duration ttl) {
		return new RetentionRule("idempotency-keys", "createdAt", ttl);
	}

	@Bean
	Retention retention(ReactiveMongoTemplate mongo, ObjectProvider<RetentionRule> rules, Clock clock) {
		return new Retention(mongo, rules.orderedStream().toList(), clock);
	}

	@Bean
	PeriodicTask retentionTask(Retention retention,
			@Value("${scenariohub.retention.interval:PT1H}") Duration interval) {
		return new PeriodicTask("retention", retention.rules().isEmpty() ? Duration.ZERO : interval, retention::prune);
	}

	@Bean
	AggregateStore outboxStore(ReactiveMongoTemplate mongo, JsonMapper json, OutboxRelays relays, Clock clock,
			TraceContexts traces) {
		return new AggregateStore(mongo, json, relays, clock, traces);
	}

	/**
	 * Dead letters go to {@code <topic>.<consumer-group>.dlq}, with the error in the
	 * record's headers, and are counted ({@code scenariohub.dlq.records}).
	 */
	@Bean
	DlqDestinationResolver dlqDestinationResolver(
			@Value("${spring.cloud.stream.default.group:${spring.application.name}}") String group,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<BindingServiceProperties> bindings) {
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		// every consumed topic's counter exists from the start, so a rule on its increase
		// sees the first dead letter
		consumedTopics(bindings.getIfAvailable(), group)
			.forEach((topic, consumer) -> dlqRecords(registry, topic, topic + "." + consumer + ".dlq"));
		return (record, exception) -> {
			String dlq = record.topic() + "." + group + ".dlq";
			dlqRecords(registry, record.topic(), dlq).increment();
			return dlq;
		};
	}

	private static Counter dlqRecords(MeterRegistry registry, String topic, String dlq) {
		return Counter.builder("scenariohub.dlq.records")
			.description("Records given up on and sent to a dead-letter topic")
			.tag("topic", topic)
			.tag("dlq", dlq)
			.register(registry);
	}

	/** Topic → consumer group of every input binding. */
	private static Map<String, String> consumedTopics(BindingServiceProperties properties, String defaultGroup) {
		Map<String, String> consumed = new LinkedHashMap<>();
		if (properties != null) {
			properties.getBindings().forEach((name, binding) -> {
				if (name.contains("-in-") && binding.getDestination() != null) {
					consumed.put(binding.getDestination(),
							binding.getGroup() != null ? binding.getGroup() : defaultGroup);
				}
			});
		}
		return consumed;
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
			ObjectProvider<BindingServiceProperties> bindings,
			@Value("${spring.cloud.stream.default.group:${spring.application.name}}") String defaultGroup) {
		Map<String, String> consumed = consumedTopics(bindings.getIfAvailable(), defaultGroup);
		return new DeadLetters(kafka.buildConsumerProperties(), outboxKafkaTemplate, consumed);
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
		return new DeadLettersEndpoint(deadLetters);
	}

}
