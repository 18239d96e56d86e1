package dev.scenariohub.scenario.review;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;

/** {@code review.assigned | submitted | recused}, keyed by the scenario. */
public final class ReviewEvents {

	public static final EventType ASSIGNED = EventType.of("review", "assigned", 1);

	public static final EventType SUBMITTED = EventType.of("review", "submitted", 1);

	public static final EventType RECUSED = EventType.of("review", "recused", 1);

	private ReviewEvents() {
	}

	/**
	 * The payload of all three. {@code score} (0–100) only when submitted, {@code reason}
	 * only when recused.
	 */
	public record ReviewChanged(String scenarioId, String assignmentId, String applicationId, String reviewer,
			AssignmentStatus status, Double score, String reason) {
	}

	static PendingEvent of(EventType type, String scenarioId, Assignment a, Double score, String reason, String actor) {
		return new PendingEvent(type, new ReviewChanged(scenarioId, a.assignmentId(), a.applicationId(), a.reviewer(),
				a.status(), score, reason), actor);
	}

}
