package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.Map;

/**
 * A reviewer assigned to one application of a scenario.
 *
 * @param reviewer the reviewer's {@code sub}
 * @param scores criterion key → level 0..5, once submitted
 */
public record Assignment(String assignmentId, String applicationId, String reviewer, AssignmentStatus status,
		Map<String, Integer> scores, String comment, String recuseReason, Instant assignedAt, Instant doneAt) {
}
