package dev.scenariohub.enterprise.application;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.web.Money;

/** An application as the API shows it to its enterprise and to officers. */
public record ApplicationView(String id, String scenarioId, String enterpriseId, ApplicationStatus status,
		String summary, String technicalApproach, String team, List<ApplicationState.OfferedMilestone> milestones,
		Money requestedFunding, long requestedComputeGpuHours, Instant createdAt, Instant submittedAt, long version) {

	static ApplicationView of(ApplicationState s, long version) {
		return new ApplicationView(s.id(), s.scenarioId(), s.enterpriseId(), s.status(), s.summary(),
				s.technicalApproach(), s.team(), s.milestones(), Money.ofMinor(s.requestedFundingFen()),
				s.requestedComputeGpuHours(), s.createdAt(), s.submittedAt(), version);
	}
}
