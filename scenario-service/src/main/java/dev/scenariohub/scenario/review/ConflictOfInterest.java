package dev.scenariohub.scenario.review;

import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.readmodel.KnownEnterprise;

/**
 * A reviewer is never assigned to an application of an enterprise it owns, is a member
 * of, or declared ties to (by id or by credit code).
 */
public final class ConflictOfInterest {

	private ConflictOfInterest() {
	}

	/**
	 * @param reviewer the reviewer's {@code sub}
	 * @param declared its declared affiliations, or null for none
	 * @param enterprise the applicant as known from its events, or null when not yet
	 * known
	 */
	public static boolean between(String reviewer, Affiliations declared, KnownApplication application,
			KnownEnterprise enterprise) {
		if (enterprise != null && enterprise.actsFor(reviewer)) {
			return true;
		}
		if (declared == null) {
			return false;
		}
		if (declared.enterpriseIds().contains(application.enterpriseId())) {
			return true;
		}
		return enterprise != null && enterprise.creditCode() != null
				&& declared.creditCodes().contains(enterprise.creditCode());
	}

}
