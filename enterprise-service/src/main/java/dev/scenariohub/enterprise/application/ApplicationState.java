package dev.scenariohub.enterprise.application;

import java.time.Instant;
import java.util.List;

/**
 * The stored state of an application.
 *
 * @param liveKey {@code enterpriseId:scenarioId} while the application is live, something
 * unique to it once it ended — a unique index on it allows one live application per
 * enterprise and scenario, even under concurrent requests
 */
public record ApplicationState(String id, String scenarioId, String enterpriseId, ApplicationStatus status,
		String summary, String technicalApproach, String team, List<OfferedMilestone> milestones,
		long requestedFundingFen, long requestedComputeGpuHours, String createdBy, Instant createdAt,
		Instant submittedAt, String liveKey) {

	public ApplicationState {
		milestones = milestones == null ? List.of() : List.copyOf(milestones);
	}

	/** A milestone the applicant offers. */
	public record OfferedMilestone(String title, String deliverable, String dueOn) {
	}

	ApplicationState with(ApplicationStatus status, Instant submittedAt) {
		String key = status.isFinal() ? "ended:" + this.id : this.enterpriseId + ":" + this.scenarioId;
		return new ApplicationState(this.id, this.scenarioId, this.enterpriseId, status, this.summary,
				this.technicalApproach, this.team, this.milestones, this.requestedFundingFen,
				this.requestedComputeGpuHours, this.createdBy, this.createdAt, submittedAt, key);
	}
}
