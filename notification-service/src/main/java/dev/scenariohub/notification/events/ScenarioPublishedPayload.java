package dev.scenariohub.notification.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of {@code dev.scenariohub.scenario.published.v1} that notifications need. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScenarioPublishedPayload(String scenarioId, String title, String sector, String demandOwner,
		List<String> requiredCapabilities, Instant closesAt, String timeZone) {
}
