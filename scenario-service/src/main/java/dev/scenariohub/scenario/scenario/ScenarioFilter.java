package dev.scenariohub.scenario.scenario;

/** The filters of {@code GET /api/v1/scenarios}; null means "any". */
public record ScenarioFilter(ScenarioStatus status, Sector sector, String programId, String capability, String q) {
}
