package dev.scenariohub.scenario.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.scenariohub.platform.web.Money;

/**
 * An application as scenario-service knows it from application events (no calls to
 * enterprise-service): who applied to what, and the proposal reviewers read.
 *
 * @param sequence the application version of the last event applied
 */
public record KnownApplication(String id, String scenarioId, String enterpriseId, String status, Proposal proposal,
		Instant submittedAt, long sequence) {

	/** What the reviewers see: the proposal, never the applicant's identity. */
	public record Proposal(String summary, String technicalApproach, String team, List<OfferedMilestone> milestones,
			Money requestedFunding, Long requestedComputeGpuHours) {
	}

	/** A milestone the applicant offers. */
	public record OfferedMilestone(String title, String deliverable, String dueOn) {
	}

	private static final Set<String> LIVE = Set.of("SUBMITTED", "UNDER_REVIEW", "SHORTLISTED", "AWARDED");

	/** Submitted and still in the running: reviewable and awardable. */
	public boolean isLive() {
		return LIVE.contains(this.status);
	}
}
