package dev.scenariohub.scenario.review;

import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.readmodel.KnownEnterprise;

/**
 * A reviewer is never assigned to an application of an enterprise it declared ties to.
 */
public final class ConflictOfInterest {

	private ConflictOfInterest() {
	}

	public static boolean between(Affiliations reviewer, KnownApplication application, KnownEnterprise enterprise) {
		if (reviewer == null) {
			return false;
		}
		if (reviewer.enterpriseIds().contains(application.enterpriseId())) {
			return true;
		}
		return enterprise != null && enterprise.creditCode() != null
				&& reviewer.creditCodes().contains(enterprise.creditCode());
	}

}
