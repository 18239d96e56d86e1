package dev.scenariohub.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults that make every service consume alike: the consumer group is
 * the application name, failing records are retried with exponential back-off for about a
 * minute and then sent to the dead-letter topic with the error in headers, a malformed
 * record goes there at once, the binder creates topics with several partitions and each
 * partition is consumed on a thread of its own. Any service or environment may override
 * them.
 */
public class ConsumerDefaults implements EnvironmentPostProcessor {

	static final String NAME = "scenariohubConsumerDefaults";

	/** Partitions the binder creates a topic with, and consumers per binding. */
	static final int PARTITIONS = 3;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
		// a transient failure (the store away for a moment) is retried for about a
		// minute:
		// 1 + 2 + 4 + 8 + 15 + 15 + 15 s between the 8 attempts, then the dead-letter
		// topic
		defaults.put("spring.cloud.stream.default.consumer.max-attempts", 8);
		defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", 1000);
		defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", 2.0);
		defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", 15000);
		defaults.put(
				"spring.cloud.stream.default.consumer.retryable-exceptions." + MalformedEventException.class.getName(),
				false);
		defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", true);
		// a consumer per partition, each on its own thread: a record that takes long (a
		// slow write, a retry's back-off) holds up only the rest of its partition, and a
		// burst is consumed by as many threads as there are partitions. Order per
		// aggregate holds: an aggregate's events share a partition. With more partitions
		// (6 in Kubernetes) the replicas share them out.
		defaults.put("spring.cloud.stream.default.consumer.concurrency", PARTITIONS);
		defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", PARTITIONS);
		defaults.put("spring.cloud.stream.kafka.binder.auto-add-partitions", true);
		defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}");
		// every consumer continues the trace in the record's traceparent header
		defaults.put("spring.cloud.stream.kafka.binder.enable-observation", true);
		environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
	}

}
