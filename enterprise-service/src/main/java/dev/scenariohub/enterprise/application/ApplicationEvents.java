package dev.scenariohub.enterprise.application;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.Money;

/** Application events: each carries the application's state, the proposal included. */
public final class ApplicationEvents {

	public static final EventType SUBMITTED = EventType.of("application", "submitted", 1);

	public static final EventType WITHDRAWN = EventType.of("application", "withdrawn", 1);

	public static final EventType RECONFIRMATION_REQUIRED = EventType.of("application", "reconfirmation-required", 1);

	public static final EventType RECONFIRMED = EventType.of("application", "reconfirmed", 1);

	public static final EventType STATUS_CHANGED = EventType.of("application", "status-changed", 1);

	private ApplicationEvents() {
	}

	/** The payload of every application event. */
	public record Snapshot(String applicationId, String scenarioId, String enterpriseId, ApplicationStatus status,
			Proposal proposal, Instant submittedAt, String reason) {
	}

	/** What reviewers read. */
	public record Proposal(String summary, String technicalApproach, String team,
			List<ApplicationState.OfferedMilestone> milestones, Money requestedFunding, long requestedComputeGpuHours) {
	}

	static PendingEvent of(EventType type, ApplicationState s, String reason, String actor) {
		Proposal proposal = new Proposal(s.summary(), s.technicalApproach(), s.team(), s.milestones(),
				Money.ofMinor(s.requestedFundingFen()), s.requestedComputeGpuHours());
		return new PendingEvent(type,
				new Snapshot(s.id(), s.scenarioId(), s.enterpriseId(), s.status(), proposal, s.submittedAt(), reason),
				actor);
	}

}
