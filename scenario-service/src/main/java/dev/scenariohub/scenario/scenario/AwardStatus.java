package dev.scenariohub.scenario.scenario;

/** PROPOSED during standstill; FINAL after it; WITHDRAWN when an objection was upheld. */
public enum AwardStatus {

	PROPOSED, FINAL, WITHDRAWN

}
