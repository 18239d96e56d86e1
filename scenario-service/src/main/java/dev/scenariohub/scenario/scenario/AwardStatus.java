package dev.scenariohub.scenario.scenario;

/**
 * PROPOSED during standstill; FINAL after it; WITHDRAWN when an objection was upheld or
 * the scenario was cancelled.
 */
public enum AwardStatus {

	PROPOSED, FINAL, WITHDRAWN

}
