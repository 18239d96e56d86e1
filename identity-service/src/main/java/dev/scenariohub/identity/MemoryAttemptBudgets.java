package dev.scenariohub.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Budgets in this replica's memory: one token bucket per caller, the least recently seen
 * forgotten past {@link #MAX_KEYS}. With several replicas each counts for itself.
 */
@Component
@ConditionalOnProperty(name = "identity.throttle.store", havingValue = "memory", matchIfMissing = true)
class MemoryAttemptBudgets implements AttemptBudgets {

	/** How many callers are remembered at once. */
	static final int MAX_KEYS = 10_000;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	};

	@Override
	public boolean tryTake(String key, Bandwidth limit) {
		Bucket bucket;
		synchronized (this.buckets) {
			bucket = this.buckets.computeIfAbsent(key, name -> Bucket.builder().addLimit(limit).build());
		}
		return bucket.tryConsume(1);
	}

}
