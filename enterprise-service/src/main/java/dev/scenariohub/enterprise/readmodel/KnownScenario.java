package dev.scenariohub.enterprise.readmodel;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.web.Money;

/**
 * What enterprise-service knows of a scenario, built only from scenario events (no calls
 * to scenario-service): enough to check submissions and to match.
 *
 * @param sequence the scenario version of the last event applied
 */
public record KnownScenario(String id, String title, String sector, String demandOwner, String description,
		String requirements, List<String> requiredCapabilities, List<String> eligibleCategories, Support support,
		int maxAwards, Instant opensAt, Instant closesAt, String timeZone, String status, long sequence) {

	/** Support per award as announced. */
	public record Support(Money funding, long computeGpuHours, String dataAccess, String pilotSite) {
	}

}
