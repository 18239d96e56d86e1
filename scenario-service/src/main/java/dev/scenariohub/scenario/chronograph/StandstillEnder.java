package dev.scenariohub.scenario.chronograph;

import java.time.Clock;
import java.time.Instant;

import dev.scenariohub.scenario.award.AwardRules;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import dev.scenariohub.scenario.scenario.ScenarioStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes provisional awards final once their standstill has ended without a pending or
 * upheld objection.
 */
@Component
public class StandstillEnder {

	private final ScenarioRepository scenarios;

	private final Clock clock;

	public StandstillEnder(ScenarioRepository scenarios, Clock clock) {
		this.scenarios = scenarios;
		this.clock = clock;
	}

	/** Scenarios whose provisional award's standstill period has ended. */
	static Criteria due(Instant now) {
		return Criteria.where("status")
			.is(ScenarioStatus.UNDER_REVIEW.name())
			.and("award.status")
			.is("PROPOSED")
			.and("award.standstillEndsAt")
			.lte(now);
	}

	/**
	 * @return how many awards this call made final
	 */
	public Mono<Long> finalizeDue() {
		Instant now = this.clock.instant();
		return this.scenarios.find(due(now), DeadlineCloser.BATCH).concatMap(scenario -> {
			Scenario done = AwardRules.finalizeIfDue(scenario, now);
			return done == scenario ? Mono.<Scenario>empty()
					: this.scenarios.update(done)
						.thenReturn(done)
						.onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty());
		}).count();
	}

}
