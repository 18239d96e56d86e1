package dev.scenariohub.scenario.chronograph;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time as an actor: polls for what has come due and lets the aggregates act. Every action
 * is a version-conditioned write, so replicas polling at once, or a restart in the
 * middle, never make anything happen twice — the write's filter is the lock. The
 * application runs {@link #tick()} as a
 * {@link dev.scenariohub.platform.events.PeriodicTask}.
 */
@Component
public class Chronograph {

	private final DeadlineCloser deadlines;

	private final StandstillEnder standstills;

	private final MilestoneReminder milestones;

	private final ReservationReconciler reservations;

	public Chronograph(DeadlineCloser deadlines, StandstillEnder standstills, MilestoneReminder milestones,
			ReservationReconciler reservations) {
		this.reservations = reservations;
		this.deadlines = deadlines;
		this.standstills = standstills;
		this.milestones = milestones;
	}

	/**
	 * One round over everything that may have come due; completes with how many things
	 * happened.
	 */
	public Mono<Long> tick() {
		return Flux
			.concat(this.deadlines.closeDue(), this.standstills.finalizeDue(), this.milestones.remindDue(),
					this.reservations.releaseOrphans())
			.reduce(0L, Long::sum);
	}

}
