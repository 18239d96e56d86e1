package dev.scenariohub.scenario.scenario;

/** Where an objection stands. */
public enum ObjectionStatus {

	LODGED, UPHELD, DISMISSED

}
