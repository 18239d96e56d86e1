package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.Money;

/**
 * The scenario-level events and their payloads. Every payload names the scenario and its
 * status after the event, so a subscriber's read model can follow the lifecycle from any
 * event.
 */
public final class ScenarioEvents {

	public static final EventType PUBLISHED = EventType.of("scenario", "published", 1);

	public static final EventType UPDATED = EventType.of("scenario", "updated", 1);

	public static final EventType CLOSED = EventType.of("scenario", "closed", 1);

	public static final EventType CANCELLED = EventType.of("scenario", "cancelled", 1);

	public static final EventType REVIEW_STARTED = EventType.of("scenario", "review-started", 1);

	public static final EventType PILOT_STARTED = EventType.of("scenario", "pilot-started", 1);

	public static final EventType COMPLETED = EventType.of("scenario", "completed", 1);

	private ScenarioEvents() {
	}

	/**
	 * The full snapshot: {@code scenario.published} and, with what changed,
	 * {@code scenario.updated}.
	 */
	public record Snapshot(String scenarioId, String programId, String title, Sector sector, String demandOwner,
			String description, String requirements, List<String> requiredCapabilities,
			List<EnterpriseCategory> eligibleCategories, SupportView support, int maxAwards, Instant opensAt,
			Instant closesAt, String timeZone, ScenarioStatus status, Instant publishedAt) {
	}

	/**
	 * {@code scenario.updated}: the new snapshot, whether the change is material, and
	 * what changed.
	 */
	public record Updated(String scenarioId, ScenarioStatus status, boolean material, List<String> changedFields,
			boolean deadlineExtended, Snapshot scenario) {
	}

	/**
	 * {@code scenario.closed | cancelled | review-started | pilot-started | completed}.
	 */
	public record StatusChanged(String scenarioId, String programId, ScenarioStatus status, Instant closesAt,
			String reason) {
	}

	/** Support on the wire: money as a decimal string. */
	public record SupportView(Money funding, long computeGpuHours, String dataAccess, String pilotSite) {
	}

	static Snapshot snapshot(ScenarioState s) {
		Support support = s.support();
		return new Snapshot(s.id(), s.programId(), s.title(), s.sector(), s.demandOwner(), s.description(),
				s.requirements(), s.requiredCapabilities(), s.eligibleCategories(),
				new SupportView(Money.ofMinor(support.fundingFen()), support.computeGpuHours(), support.dataAccess(),
						support.pilotSite()),
				s.maxAwards(), s.opensAt(), s.closesAt(), s.timeZone(), s.status(), s.publishedAt());
	}

	static PendingEvent published(ScenarioState s, String actor) {
		return new PendingEvent(PUBLISHED, snapshot(s), actor);
	}

	static PendingEvent updated(ScenarioState s, boolean material, List<String> changed, boolean extended,
			String actor) {
		return new PendingEvent(UPDATED, new Updated(s.id(), s.status(), material, changed, extended, snapshot(s)),
				actor);
	}

	public static PendingEvent statusChanged(EventType type, ScenarioState s, String reason, String actor) {
		return new PendingEvent(type, new StatusChanged(s.id(), s.programId(), s.status(), s.closesAt(), reason),
				actor);
	}

}
