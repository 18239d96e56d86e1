package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

/** What an officer provides to create a scenario, already validated at the edge. */
public record ScenarioDraft(String programId, String title, Sector sector, String demandOwner, String description,
		String requirements, List<String> requiredCapabilities, List<EnterpriseCategory> eligibleCategories,
		Support support, int maxAwards, Instant opensAt, Instant closesAt, String timeZone, List<Criterion> rubric) {
}
