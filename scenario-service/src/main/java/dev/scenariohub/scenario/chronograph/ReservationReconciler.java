package dev.scenariohub.scenario.chronograph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.scenariohub.scenario.program.ProgramRepository;
import dev.scenariohub.scenario.program.Reservation;
import dev.scenariohub.scenario.scenario.Award;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import dev.scenariohub.scenario.scenario.ScenarioStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives back budget that no award holds. An award reserves first and records itself
 * second; if the process dies in between, the reservation is left behind. Once a
 * reservation is older than the grace period and its scenario has no proposed or final
 * award of the same attempt, it is released. A cancelled scenario holds nothing: if the
 * release that follows a cancel was lost, this gives the budget back.
 */
@Component
public class ReservationReconciler {

	private final ProgramRepository programs;

	private final ScenarioRepository scenarios;

	private final Clock clock;

	private final Duration grace;

	public ReservationReconciler(ProgramRepository programs, ScenarioRepository scenarios, Clock clock,
			@Value("${scenarios.award.reservation-grace:PT2M}") Duration grace) {
		this.programs = programs;
		this.scenarios = scenarios;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * @return how many reservations were released
	 */
	public Mono<Long> releaseOrphans() {
		Instant cutoff = this.clock.instant().minus(this.grace);
		return this.programs.withReservationsBefore(cutoff)
			.concatMap(
					program -> Flux.fromIterable(program.state().reservations())
						.filter(r -> r.at() != null && !r.at().isAfter(cutoff))
						.concatMap(r -> held(r).filter(held -> !held)
							.flatMap(orphan -> this.programs.modify(program.id(),
									p -> p.release(r.scenarioId(), r.awardId())))))
			.count();
	}

	private Mono<Boolean> held(Reservation reservation) {
		return this.scenarios.findById(reservation.scenarioId()).map(scenario -> {
			Award award = scenario.state().award();
			return scenario.status() != ScenarioStatus.CANCELLED && award != null
					&& reservation.awardId().equals(award.awardId())
					&& (award.status() == AwardStatus.PROPOSED || award.status() == AwardStatus.FINAL);
		}).defaultIfEmpty(false);
	}

}
