package dev.scenariohub.scenario.chronograph;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Time as an actor: polls for what has come due and lets the aggregates act. Every action is a
 * version-conditioned write, so replicas polling at once, or a restart in the middle, never make
 * anything happen twice — the write's filter is the lock.
 */
@Component
public class Chronograph implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Chronograph.class);

	private final DeadlineCloser deadlines;

	private final StandstillEnder standstills;

	private final MilestoneReminder milestones;

	private final ReservationReconciler reservations;

	private final Duration interval;

	private volatile Disposable ticking;

	public Chronograph(DeadlineCloser deadlines, StandstillEnder standstills, MilestoneReminder milestones,
			ReservationReconciler reservations, @Value("${scenarios.chronograph.interval:PT5S}") Duration interval) {
		this.reservations = reservations;
		this.deadlines = deadlines;
		this.standstills = standstills;
		this.milestones = milestones;
		this.interval = interval;
	}

	/** One round over everything that may have come due; completes with how many things happened. */
	public Mono<Long> tick() {
		return Flux.concat(this.deadlines.closeDue(), this.standstills.finalizeDue(), this.milestones.remindDue(),
				this.reservations.releaseOrphans())
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.ticking = Flux.interval(this.interval, this.interval, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(n -> tick().onErrorResume(error -> {
				log.warn("Chronograph round failed; the next round retries: {}", error.toString());
				return Mono.just(0L);
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.ticking;
		if (running != null) {
			running.dispose();
			this.ticking = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.ticking != null;
	}
}
