package dev.scenariohub.scenario.scenario;

/** Where a scenario is in its lifecycle (DESIGN §2). */
public enum ScenarioStatus {

	DRAFT, OPEN, CLOSED, UNDER_REVIEW, AWARDED, PILOTING, COMPLETED, CANCELLED

}
