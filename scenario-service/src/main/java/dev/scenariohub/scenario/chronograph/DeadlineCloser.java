package dev.scenariohub.scenario.chronograph;

import java.time.Clock;
import java.time.Instant;

import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Closes OPEN scenarios whose {@code closesAt} has come, each exactly once. */
@Component
public class DeadlineCloser {

	static final int BATCH = 100;

	private final ScenarioRepository scenarios;

	private final Clock clock;

	public DeadlineCloser(ScenarioRepository scenarios, Clock clock) {
		this.scenarios = scenarios;
		this.clock = clock;
	}

	/**
	 * @return how many scenarios this call closed
	 */
	public Mono<Long> closeDue() {
		Instant now = this.clock.instant();
		return this.scenarios.dueForClosing(now, BATCH).concatMap(scenario -> close(scenario, now)).count();
	}

	private Mono<Scenario> close(Scenario scenario, Instant now) {
		Scenario closed = scenario.closeAtDeadline(now);
		if (closed == scenario) {
			return Mono.empty();
		}
		return this.scenarios.update(closed)
			.thenReturn(closed)
			// another replica (or an officer) changed it first: it is theirs to act on
			.onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty());
	}

}
