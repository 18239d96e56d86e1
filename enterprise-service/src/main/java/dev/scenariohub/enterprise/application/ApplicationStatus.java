package dev.scenariohub.enterprise.application;

import java.util.Set;

/** Where an application stands. */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, RECONFIRMATION_REQUIRED, WITHDRAWN, UNDER_REVIEW, SHORTLISTED, AWARDED, NOT_SELECTED, CANCELLED;

	/** Statuses that end an application: nothing moves it any more. */
	public static final Set<ApplicationStatus> FINAL = Set.of(WITHDRAWN, AWARDED, NOT_SELECTED, CANCELLED);

	public boolean isFinal() {
		return FINAL.contains(this);
	}

}
