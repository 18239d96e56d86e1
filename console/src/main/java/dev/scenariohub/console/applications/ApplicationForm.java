package dev.scenariohub.console.applications;

import java.util.Map;
import java.util.UUID;

import dev.scenariohub.console.api.RequestBody;

/**
 * The new-application form as the browser sends it, and the API's
 * {@code CreateApplication} document made from it: for which scenario, by which of the
 * person's enterprises, the proposal, and the support asked for (yuan and GPU-hours).
 */
public record ApplicationForm(String scenarioId, String enterpriseId, String summary, String technicalApproach,
		String team, String funding, String computeGpuHours, String idempotencyKey) {

	static ApplicationForm empty(String scenarioId) {
		return new ApplicationForm(scenarioId, "", "", "", "", "", "", UUID.randomUUID().toString());
	}

	Map<String, Object> toRequest() {
		return RequestBody.of()
			.text("scenarioId", this.scenarioId)
			.text("enterpriseId", this.enterpriseId)
			.text("summary", this.summary)
			.text("technicalApproach", this.technicalApproach)
			.text("team", this.team)
			.yuan("requestedFunding", this.funding)
			.number("requestedComputeGpuHours", this.computeGpuHours)
			.toMap();
	}

}
