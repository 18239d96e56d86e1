package dev.scenariohub.scenario.pilot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.Milestone;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioState;
import dev.scenariohub.scenario.scenario.ScenarioStatus;

/**
 * The pilot rules: milestones for awardees, their completion, and reminders raised once
 * each.
 */
public final class PilotRules {

	private PilotRules() {
	}

	public static Scenario schedule(Scenario scenario, String milestoneId, String applicationId, String title,
			String deliverable, LocalDate dueOn, String officer) {
		ScenarioState s = scenario.state();
		if (s.status() != ScenarioStatus.AWARDED && s.status() != ScenarioStatus.PILOTING) {
			throw RuleViolation.illegalTransition(s.status(), "milestones are added once the scenario is AWARDED");
		}
		if (s.award() == null || s.award().status() != AwardStatus.FINAL
				|| !s.award().applicationIds().contains(applicationId)) {
			throw RuleViolation.invalid("applicationId", "is not an awardee of this scenario");
		}
		Milestone m = new Milestone(milestoneId, applicationId, title, deliverable, dueOn, false, null, null, null,
				null, null);
		List<Milestone> milestones = new ArrayList<>(s.milestones());
		milestones.add(m);
		return scenario.next(s.toBuilder().milestones(milestones).build(),
				PilotEvents.of(PilotEvents.SCHEDULED, s.id(), m, officer));
	}

	public static Scenario complete(Scenario scenario, String milestoneId, String report, String by, Instant now) {
		scenario.require(ScenarioStatus.PILOTING, "complete milestones of");
		Milestone m = milestone(scenario.state(), milestoneId);
		if (m.completed()) {
			throw new RuleViolation("milestone-completed", "this milestone is already completed",
					Map.of("completedAt", String.valueOf(m.completedAt())));
		}
		Milestone done = new Milestone(m.milestoneId(), m.applicationId(), m.title(), m.deliverable(), m.dueOn(), true,
				report, now, by, m.dueSoonRaisedAt(), m.overdueRaisedAt());
		return scenario.next(replace(scenario.state(), done),
				PilotEvents.of(PilotEvents.COMPLETED, scenario.id(), done, by));
	}

	/**
	 * Raises what has come due as of {@code today} (in the scenario's time zone):
	 * due-soon once the lead time before {@code dueOn} is reached, overdue once
	 * {@code dueOn} has passed — each once.
	 */
	public static Scenario remind(Scenario scenario, LocalDate today, Period lead, Instant now) {
		if (scenario.status() != ScenarioStatus.PILOTING) {
			return scenario;
		}
		ScenarioState state = scenario.state();
		List<PendingEvent> events = new ArrayList<>();
		List<Milestone> milestones = new ArrayList<>();
		for (Milestone m : state.milestones()) {
			Milestone next = m;
			if (!m.completed() && m.overdueRaisedAt() == null && today.isAfter(m.dueOn())) {
				next = with(m, m.dueSoonRaisedAt() == null ? now : m.dueSoonRaisedAt(), now);
				events.add(PilotEvents.of(PilotEvents.OVERDUE, state.id(), next, Scenario.SYSTEM));
			}
			else if (!m.completed() && m.dueSoonRaisedAt() == null && !today.isBefore(m.dueOn().minus(lead))
					&& !today.isAfter(m.dueOn())) {
				next = with(m, now, null);
				events.add(PilotEvents.of(PilotEvents.DUE_SOON, state.id(), next, Scenario.SYSTEM));
			}
			milestones.add(next);
		}
		if (events.isEmpty()) {
			return scenario;
		}
		return scenario.next(state.toBuilder().milestones(milestones).build(), events.toArray(PendingEvent[]::new));
	}

	public static Milestone milestone(ScenarioState state, String milestoneId) {
		return state.milestones()
			.stream()
			.filter(m -> m.milestoneId().equals(milestoneId))
			.findFirst()
			.orElseThrow(() -> new NotFound("Milestone", milestoneId));
	}

	private static Milestone with(Milestone m, Instant dueSoon, Instant overdue) {
		return new Milestone(m.milestoneId(), m.applicationId(), m.title(), m.deliverable(), m.dueOn(), m.completed(),
				m.report(), m.completedAt(), m.completedBy(), dueSoon, overdue);
	}

	private static ScenarioState replace(ScenarioState state, Milestone changed) {
		return state.toBuilder()
			.milestones(state.milestones()
				.stream()
				.map(m -> m.milestoneId().equals(changed.milestoneId()) ? changed : m)
				.toList())
			.build();
	}

}
