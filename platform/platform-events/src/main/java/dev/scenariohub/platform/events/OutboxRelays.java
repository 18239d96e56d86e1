package dev.scenariohub.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * All outbox relays of a service: triggered right after each save, and swept periodically for
 * events that a crash (or a broker outage) left behind.
 */
public class OutboxRelays implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

	private final Map<String, OutboxRelay> byCollection;

	private final Duration sweepInterval;

	private final long sweepBatch;

	private volatile Disposable sweeper;

	public OutboxRelays(List<OutboxRelay> relays, Duration sweepInterval, long sweepBatch) {
		this.byCollection = relays.stream().collect(Collectors.toMap(OutboxRelay::collection, Function.identity()));
		this.sweepInterval = sweepInterval;
		this.sweepBatch = sweepBatch;
	}

	/** Starts publishing an aggregate's pending events in the background. */
	public void relaySoon(String collection, String aggregateId) {
		OutboxRelay relay = this.byCollection.get(collection);
		if (relay == null) {
			log.warn("No outbox relay for collection {}: its events wait for a relay to be configured", collection);
			return;
		}
		relay.relay(aggregateId)
			.subscribe(null, error -> log.warn("Relay of {} {} failed; the sweep will retry: {}", collection,
					aggregateId, error.toString()));
	}

	/** One sweep over every collection; completes with the number of events published. */
	public Mono<Long> sweepOnce() {
		return Flux.fromIterable(this.byCollection.values())
			.concatMap(relay -> relay.sweep(this.sweepBatch).onErrorResume(error -> {
				log.warn("Outbox sweep of {} failed; next sweep retries: {}", relay.collection(), error.toString());
				return Mono.just(0L);
			}))
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		if (this.byCollection.isEmpty() || this.sweepInterval.isZero() || this.sweepInterval.isNegative()) {
			return;
		}
		this.sweeper = Flux.interval(this.sweepInterval, this.sweepInterval, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> sweepOnce(), 1)
			.subscribe(published -> {
				if (published > 0) {
					log.info("Outbox sweep published {} event(s)", published);
				}
			});
	}

	@Override
	public void stop() {
		Disposable running = this.sweeper;
		if (running != null) {
			running.dispose();
			this.sweeper = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.sweeper != null;
	}
}
