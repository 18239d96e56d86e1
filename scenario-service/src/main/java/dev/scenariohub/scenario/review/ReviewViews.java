package dev.scenariohub.scenario.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;
import dev.scenariohub.scenario.scenario.Criterion;

/** What the review endpoints answer. */
public final class ReviewViews {

	private ReviewViews() {
	}

	/**
	 * A reviewer's own assignment: the proposal and the rubric, and nothing that tells
	 * who the applicant is (no enterprise id or name, no application id).
	 */
	public record BlindAssignment(String assignmentId, String scenarioId, String scenarioTitle, List<Criterion> rubric,
			KnownApplication.Proposal proposal, AssignmentStatus status, Map<String, Integer> scores, String comment,
			Instant assignedAt) {
	}

	/** An assignment as officers see it. */
	public record OfficerAssignment(String assignmentId, String applicationId, String reviewer, AssignmentStatus status,
			Instant assignedAt, Instant doneAt) {

		static OfficerAssignment of(Assignment a) {
			return new OfficerAssignment(a.assignmentId(), a.applicationId(), a.reviewer(), a.status(), a.assignedAt(),
					a.doneAt());
		}
	}

}
