package dev.scenariohub.scenario.review;

/** Where a review assignment stands. */
public enum AssignmentStatus {
	ASSIGNED, SUBMITTED, RECUSED
}
