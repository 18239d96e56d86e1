package dev.scenariohub.scenario.scenario;

/** Where a review assignment stands. */
public enum AssignmentStatus {

	ASSIGNED, SUBMITTED, RECUSED

}
