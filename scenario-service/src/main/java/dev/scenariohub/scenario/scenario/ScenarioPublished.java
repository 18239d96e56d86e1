package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.EventType;

/**
 * {@code dev.scenariohub.scenario.published.v1}: the full snapshot of a scenario as it opens, so
 * subscribers can build their read models from this event alone.
 */
public record ScenarioPublished(String scenarioId, String title, Sector sector, String demandOwner, String description,
		String requirements, List<String> requiredCapabilities, List<EnterpriseCategory> eligibleCategories,
		SupportView support, int maxAwards, Instant opensAt, Instant closesAt, String timeZone, ScenarioStatus status,
		Instant publishedAt) {

	public static final EventType TYPE = EventType.of("scenario", "published", 1);

	/** Support on the wire: money as a decimal string. */
	public record SupportView(MoneyView funding, long computeGpuHours, String dataAccess, String pilotSite) {
	}

	/** {@code {"amount": "1234.50", "currency": "CNY"}}. */
	public record MoneyView(String amount, String currency) {
	}

	static ScenarioPublished of(ScenarioState s) {
		Support support = s.support();
		SupportView view = new SupportView(
				new MoneyView(java.math.BigDecimal.valueOf(support.fundingFen(), 2).toPlainString(), "CNY"),
				support.computeGpuHours(), support.dataAccess(), support.pilotSite());
		return new ScenarioPublished(s.id(), s.title(), s.sector(), s.demandOwner(), s.description(), s.requirements(),
				s.requiredCapabilities(), s.eligibleCategories(), view, s.maxAwards(), s.opensAt(), s.closesAt(),
				s.timeZone(), s.status(), s.publishedAt());
	}
}
