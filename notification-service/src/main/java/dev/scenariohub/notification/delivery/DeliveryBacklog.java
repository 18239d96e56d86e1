package dev.scenariohub.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How far delivery is behind, per channel, for operators: the deliveries due now
 * ({@code scenariohub_delivery_due}) and how long the oldest of them has been due
 * ({@code scenariohub_delivery_oldest_due_age_seconds}). Both are zero when the
 * dispatcher keeps up; {@link #refresh()} reads them, run periodically.
 */
public class DeliveryBacklog {

	private final DeliveryRepository deliveries;

	private final Clock clock;

	private final Map<DeliveryChannel, AtomicLong> due = new EnumMap<>(DeliveryChannel.class);

	private final Map<DeliveryChannel, AtomicLong> oldestAgeSeconds = new EnumMap<>(DeliveryChannel.class);

	public DeliveryBacklog(DeliveryRepository deliveries, MeterRegistry meters, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
		for (DeliveryChannel channel : DeliveryChannel.values()) {
			String tag = channel.name().toLowerCase();
			this.due.put(channel, new AtomicLong());
			this.oldestAgeSeconds.put(channel, new AtomicLong());
			Gauge.builder("scenariohub.delivery.due", this.due.get(channel), AtomicLong::get)
				.description("Pending deliveries whose next attempt is due")
				.tag("channel", tag)
				.register(meters);
			Gauge.builder("scenariohub.delivery.oldest.due.age", this.oldestAgeSeconds.get(channel), AtomicLong::get)
				.description("How long the longest-waiting due delivery has been due")
				.baseUnit("seconds")
				.tag("channel", tag)
				.register(meters);
		}
	}

	/** Reads the backlog of every channel; completes with the deliveries due. */
	public Mono<Long> refresh() {
		Instant now = this.clock.instant();
		return Flux.fromArray(DeliveryChannel.values())
			.concatMap(channel -> refresh(channel, now))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> refresh(DeliveryChannel channel, Instant now) {
		return this.deliveries.countDue(channel, now)
			.zipWith(this.deliveries.due(channel, now, 1)
				.next()
				.map(oldest -> Duration.between(oldest.state().nextAttemptAt(), now).toSeconds())
				.defaultIfEmpty(0L))
			.doOnNext(backlog -> {
				this.due.get(channel).set(backlog.getT1());
				this.oldestAgeSeconds.get(channel).set(Math.max(0, backlog.getT2()));
			})
			.map(backlog -> backlog.getT1());
	}

	long due(DeliveryChannel channel) {
		return this.due.get(channel).get();
	}

	long oldestAgeSeconds(DeliveryChannel channel) {
		return this.oldestAgeSeconds.get(channel).get();
	}

}
