package dev.scenariohub.scenario.scenario;

import java.time.Instant;

/** An applicant's objection to a provisional award. */
public record Objection(String objectionId, String applicationId, String lodgedBy, String reason,
		ObjectionStatus status, Instant lodgedAt, String resolvedBy, Instant resolvedAt) {
}
