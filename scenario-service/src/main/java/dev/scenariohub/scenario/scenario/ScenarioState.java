package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

/** The stored state of a scenario (its document, without version and outbox). */
public record ScenarioState(String id, String title, Sector sector, String demandOwner, String description,
		String requirements, List<String> requiredCapabilities, List<EnterpriseCategory> eligibleCategories,
		Support support, int maxAwards, Instant opensAt, Instant closesAt, String timeZone, ScenarioStatus status,
		String createdBy, Instant createdAt, Instant publishedAt) {
}
