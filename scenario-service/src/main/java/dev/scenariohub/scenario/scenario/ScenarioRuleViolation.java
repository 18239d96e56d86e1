package dev.scenariohub.scenario.scenario;

/** A command the scenario's rules refuse in its current state. */
public class ScenarioRuleViolation extends RuntimeException {

	private final ScenarioStatus currentStatus;

	public ScenarioRuleViolation(ScenarioStatus currentStatus, String message) {
		super(message);
		this.currentStatus = currentStatus;
	}

	public ScenarioStatus currentStatus() {
		return this.currentStatus;
	}
}
