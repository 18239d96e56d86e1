package dev.scenariohub.scenario.readmodel;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What scenario-service reads of {@code dev.scenariohub.application.*.v1} payloads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationPayload(String applicationId, String scenarioId, String enterpriseId, String status,
		KnownApplication.Proposal proposal, Instant submittedAt) {
}
