package dev.scenariohub.enterprise.application;

import java.util.List;

/** Application fields as validated at the edge; in a change, null means "keep". */
public record ApplicationDraft(String scenarioId, String enterpriseId, String summary, String technicalApproach,
		String team, List<ApplicationState.OfferedMilestone> milestones, Long requestedFundingFen,
		Long requestedComputeGpuHours) {
}
