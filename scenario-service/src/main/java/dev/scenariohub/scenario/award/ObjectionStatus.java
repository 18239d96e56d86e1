package dev.scenariohub.scenario.award;

/** Where an objection stands. */
public enum ObjectionStatus {
	LODGED, UPHELD, DISMISSED
}
