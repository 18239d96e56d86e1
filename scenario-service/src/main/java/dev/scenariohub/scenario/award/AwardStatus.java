package dev.scenariohub.scenario.award;

/** PROPOSED during standstill; FINAL after it; WITHDRAWN when an objection was upheld. */
public enum AwardStatus {
	PROPOSED, FINAL, WITHDRAWN
}
