package dev.scenariohub.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * All outbox relays of a service: triggered right after each save, and swept periodically
 * for events that a crash (or a broker outage) left behind.
 */
public class OutboxRelays {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

	private final Map<String, OutboxRelay> byCollection;

	private final Duration sweepInterval;

	private final long sweepBatch;

	public OutboxRelays(List<OutboxRelay> relays, Duration sweepInterval, long sweepBatch) {
		this.byCollection = relays.stream().collect(Collectors.toMap(OutboxRelay::collection, Function.identity()));
		this.sweepInterval = this.byCollection.isEmpty() ? Duration.ZERO : sweepInterval;
		this.sweepBatch = sweepBatch;
	}

	/** Creates the relays' indexes; run once at start-up. */
	public Mono<Void> prepare() {
		return Flux.fromIterable(this.byCollection.values()).concatMap(OutboxRelay::prepare).then();
	}

	/** The periodic sweep, started and stopped with the application. */
	public PeriodicTask sweeper() {
		return new PeriodicTask("outbox sweep", this.sweepInterval, this::sweepOnce);
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

}
