package dev.scenariohub.scenario.pilot;

import java.time.LocalDate;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.scenario.scenario.Milestone;

/**
 * {@code milestone.scheduled | due-soon | overdue | completed}, keyed by the scenario.
 */
public final class PilotEvents {

	public static final EventType SCHEDULED = EventType.of("milestone", "scheduled", 1);

	public static final EventType DUE_SOON = EventType.of("milestone", "due-soon", 1);

	public static final EventType OVERDUE = EventType.of("milestone", "overdue", 1);

	public static final EventType COMPLETED = EventType.of("milestone", "completed", 1);

	private PilotEvents() {
	}

	/** The payload of all four. */
	public record MilestoneChanged(String scenarioId, String milestoneId, String applicationId, String title,
			LocalDate dueOn, boolean completed) {
	}

	static PendingEvent of(EventType type, String scenarioId, Milestone m, String actor) {
		return new PendingEvent(type, new MilestoneChanged(scenarioId, m.milestoneId(), m.applicationId(), m.title(),
				m.dueOn(), m.completed()), actor);
	}

}
