package dev.scenariohub.scenario.program;

/** What one scenario's award holds of a program's pools (at most one per scenario). */
public record Reservation(String scenarioId, long fundingFen, long computeGpuHours) {
}
