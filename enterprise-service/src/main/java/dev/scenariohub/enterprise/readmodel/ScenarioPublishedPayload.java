package dev.scenariohub.enterprise.readmodel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of {@code dev.scenariohub.scenario.published.v1} this service reads. Unknown
 * fields are ignored: schemas grow compatibly within a version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScenarioPublishedPayload(String scenarioId, String title, String sector, String demandOwner,
		String description, String requirements, List<String> requiredCapabilities, List<String> eligibleCategories,
		KnownScenario.Support support, int maxAwards, Instant opensAt, Instant closesAt, String timeZone,
		String status) {
}
