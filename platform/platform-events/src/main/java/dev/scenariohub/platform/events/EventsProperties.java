package dev.scenariohub.platform.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scenariohub.events.*}: how this service publishes its events.
 *
 * @param source CloudEvents {@code source}, e.g. {@code /scenario-service}
 * @param outboxes collection name → topic, one relay each
 * @param lease how long a relay may hold a document before another relay may take it over
 * @param sweepInterval how often leftovers are swept up (zero disables the sweep)
 * @param sweepBatch documents claimed per collection and sweep at most
 */
@ConfigurationProperties("scenariohub.events")
public record EventsProperties(String source, Map<String, String> outboxes, Duration lease, Duration sweepInterval,
		Long sweepBatch) {

	public EventsProperties {
		outboxes = outboxes == null ? Map.of() : new LinkedHashMap<>(outboxes);
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
		sweepBatch = sweepBatch == null ? 100L : sweepBatch;
	}
}
