package dev.scenariohub.scenario.award;

import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.web.Money;
import dev.scenariohub.scenario.scenario.ObjectionStatus;
import dev.scenariohub.scenario.scenario.ScenarioStatus;

/** Award and objection events, keyed by the scenario. */
public final class AwardEvents {

	public static final EventType PROPOSED = EventType.of("scenario", "award-proposed", 1);

	public static final EventType AWARDED = EventType.of("scenario", "awarded", 1);

	public static final EventType OBJECTION_LODGED = EventType.of("objection", "lodged", 1);

	public static final EventType OBJECTION_RESOLVED = EventType.of("objection", "resolved", 1);

	private AwardEvents() {
	}

	/**
	 * {@code scenario.award-proposed}: who is proposed, until when objections may be
	 * lodged.
	 */
	public record AwardProposed(String scenarioId, String programId, ScenarioStatus status, List<String> applicationIds,
			Instant standstillEndsAt, Money fundingEach, long computeGpuHoursEach) {
	}

	/**
	 * {@code scenario.awarded}: the final winners with their support, and who was not
	 * selected.
	 */
	public record Awarded(String scenarioId, String programId, ScenarioStatus status, List<Winner> winners,
			List<String> notSelected) {
	}

	/** One awardee and its support. */
	public record Winner(String applicationId, Money funding, long computeGpuHours) {
	}

	/**
	 * {@code objection.lodged} and {@code objection.resolved} ({@code outcome} once
	 * resolved).
	 */
	public record ObjectionChanged(String scenarioId, String objectionId, String applicationId, ObjectionStatus status,
			boolean awardWithdrawn) {
	}

}
