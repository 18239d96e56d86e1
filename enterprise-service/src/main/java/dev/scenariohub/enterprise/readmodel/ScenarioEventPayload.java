package dev.scenariohub.enterprise.readmodel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What enterprise-service reads of any {@code dev.scenariohub.scenario.*.v1} payload
 * other than {@code published}: the status after the event and, depending on the type,
 * the new snapshot ({@code updated}), the proposed ({@code award-proposed}) or the
 * winners ({@code awarded}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScenarioEventPayload(String scenarioId, String status, Instant closesAt, Boolean material,
		ScenarioPublishedPayload scenario, List<String> applicationIds, List<Winner> winners, String reason) {

	/** One awardee. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Winner(String applicationId) {
	}
}
