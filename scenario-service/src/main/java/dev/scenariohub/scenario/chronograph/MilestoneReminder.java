package dev.scenariohub.scenario.chronograph;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import dev.scenariohub.scenario.pilot.PilotRules;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import dev.scenariohub.scenario.scenario.ScenarioStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Raises milestone due-soon and overdue reminders, once each. */
@Component
public class MilestoneReminder {

	private final ScenarioRepository scenarios;

	private final Clock clock;

	private final Period lead;

	public MilestoneReminder(ScenarioRepository scenarios, Clock clock,
			@Value("${scenarios.milestones.reminder-lead:P3D}") Period lead) {
		this.scenarios = scenarios;
		this.clock = clock;
		this.lead = lead;
	}

	/**
	 * @return how many scenarios got reminders in this call
	 */
	public Mono<Long> remindDue() {
		Instant now = this.clock.instant();
		Criteria piloting = Criteria.where("status")
			.is(ScenarioStatus.PILOTING.name())
			.and("milestones.completed")
			.is(false);
		return this.scenarios.find(piloting, 1000).concatMap(scenario -> {
			LocalDate today = LocalDate.ofInstant(now, ZoneId.of(scenario.state().timeZone()));
			Scenario reminded = PilotRules.remind(scenario, today, this.lead, now);
			return reminded == scenario ? Mono.<Scenario>empty()
					: this.scenarios.update(reminded)
						.thenReturn(reminded)
						.onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty());
		}).count();
	}

}
