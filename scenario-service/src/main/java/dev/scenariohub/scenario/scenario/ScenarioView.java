package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import dev.scenariohub.platform.web.Money;

/** A scenario as the API shows it; instants in the scenario's own time zone. */
public record ScenarioView(String id, String programId, String title, Sector sector, String demandOwner,
		String description, String requirements, List<String> requiredCapabilities,
		List<EnterpriseCategory> eligibleCategories, SupportView support, int maxAwards, OffsetDateTime opensAt,
		OffsetDateTime closesAt, String timeZone, List<Criterion> rubric, ScenarioStatus status,
		OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime closedAt, String cancelReason,
		long version) {

	/** Support per award. */
	public record SupportView(Money funding, long computeGpuHours, String dataAccess, String pilotSite) {
	}

	public static ScenarioView of(ScenarioState s, long version) {
		ZoneId zone = ZoneId.of(s.timeZone());
		Support support = s.support();
		return new ScenarioView(s.id(), s.programId(), s.title(), s.sector(), s.demandOwner(), s.description(),
				s.requirements(), s.requiredCapabilities(), s.eligibleCategories(),
				new SupportView(Money.ofMinor(support.fundingFen()), support.computeGpuHours(), support.dataAccess(),
						support.pilotSite()),
				s.maxAwards(), at(s.opensAt(), zone), at(s.closesAt(), zone), s.timeZone(), s.rubric(), s.status(),
				at(s.createdAt(), zone), at(s.publishedAt(), zone), at(s.closedAt(), zone), s.cancelReason(), version);
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}
}
