package dev.scenariohub.enterprise.application;

import java.util.Set;

/**
 * What a scenario event means for the scenario's applications. Statuses only move
 * forward, and an ended application never moves, so the same event applied twice — or
 * replayed later — changes nothing.
 */
public record ScenarioOutcome(Kind kind, Set<String> selected, String reason) {

	/** The scenario events that move applications. */
	public enum Kind {

		MATERIAL_CHANGE, REVIEW_STARTED, AWARD_PROPOSED, AWARDED, CANCELLED;

		/**
		 * Whether applying it late can only move applications forward, never undo a newer
		 * outcome: a late material change could ask again for a re-confirmation already
		 * given, and a late award proposal could reshuffle a newer shortlist, so those
		 * two are not.
		 */
		public boolean isForwardOnly() {
			return this == REVIEW_STARTED || this == AWARDED || this == CANCELLED;
		}

	}

	public ApplicationStatus statusFor(String applicationId, ApplicationStatus current) {
		if (current.isFinal() || current == ApplicationStatus.DRAFT) {
			return current;
		}
		return switch (this.kind) {
			case MATERIAL_CHANGE ->
				current == ApplicationStatus.SUBMITTED ? ApplicationStatus.RECONFIRMATION_REQUIRED : current;
			case REVIEW_STARTED -> switch (current) {
				case SUBMITTED -> ApplicationStatus.UNDER_REVIEW;
				// not re-confirmed in time: not reviewed
				case RECONFIRMATION_REQUIRED -> ApplicationStatus.NOT_SELECTED;
				default -> current;
			};
			case AWARD_PROPOSED -> this.selected.contains(applicationId) && current == ApplicationStatus.UNDER_REVIEW
					? ApplicationStatus.SHORTLISTED
					: current == ApplicationStatus.SHORTLISTED && !this.selected.contains(applicationId)
							? ApplicationStatus.UNDER_REVIEW : current;
			case AWARDED ->
				this.selected.contains(applicationId) ? ApplicationStatus.AWARDED : ApplicationStatus.NOT_SELECTED;
			case CANCELLED -> ApplicationStatus.CANCELLED;
		};
	}
}
