package dev.scenariohub.scenario.program;

/**
 * What one scenario's award holds of a program's pools (at most one per scenario).
 *
 * @param awardId the award attempt that made it, so a failed attempt releases only its own
 */
public record Reservation(String scenarioId, String awardId, long fundingFen, long computeGpuHours) {
}
