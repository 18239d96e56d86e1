package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.Map;

/**
 * A reviewer assigned to one application of a scenario.
 *
 * @param reviewer the reviewer's {@code sub}
 * @param scores criterion key → level 0..5, once submitted
 * @param textId the review's comment, or the recusal's reason, kept apart from the
 * scenario (review-texts), if there is one
 * @param comment the comment, only in scenarios stored before texts were kept apart
 * @param recuseReason the reason, only in scenarios stored before texts were kept apart
 */
public record Assignment(String assignmentId, String applicationId, String reviewer, AssignmentStatus status,
		Map<String, Integer> scores, String textId, String comment, String recuseReason, Instant assignedAt,
		Instant doneAt) {

	/** A new assignment, waiting for its review. */
	public static Assignment assigned(String assignmentId, String applicationId, String reviewer, Instant at) {
		return new Assignment(assignmentId, applicationId, reviewer, AssignmentStatus.ASSIGNED, Map.of(), null, null,
				null, at, null);
	}

	/** Scored, with the id of its comment (if any). */
	public Assignment submitted(Map<String, Integer> scores, String commentId, Instant at) {
		return new Assignment(this.assignmentId, this.applicationId, this.reviewer, AssignmentStatus.SUBMITTED,
				Map.copyOf(scores), commentId, null, null, this.assignedAt, at);
	}

	/** Stepped back from, with the id of the reason. */
	public Assignment recused(String reasonId, Instant at) {
		return new Assignment(this.assignmentId, this.applicationId, this.reviewer, AssignmentStatus.RECUSED, Map.of(),
				reasonId, null, null, this.assignedAt, at);
	}

}
