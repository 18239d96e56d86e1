package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

/** A PATCH of a scenario, validated at the edge; null means "keep". */
public record ScenarioChanges(String title, Sector sector, String demandOwner, String description, String requirements,
		List<String> requiredCapabilities, List<EnterpriseCategory> eligibleCategories, Support support,
		Integer maxAwards, Instant opensAt, Instant closesAt, List<Criterion> rubric) {
}
