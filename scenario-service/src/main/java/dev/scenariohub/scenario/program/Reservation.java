package dev.scenariohub.scenario.program;

import java.time.Instant;

/**
 * What one scenario's award holds of a program's pools (at most one per scenario).
 *
 * @param awardId the award attempt that made it, so a failed attempt releases only its
 * own
 * @param at when it was made (null when unknown)
 */
public record Reservation(String scenarioId, String awardId, long fundingFen, long computeGpuHours, Instant at) {

	public Reservation(String scenarioId, String awardId, long fundingFen, long computeGpuHours) {
		this(scenarioId, awardId, fundingFen, computeGpuHours, null);
	}
}
