package dev.scenariohub.scenario.award;

import java.time.Instant;

/** An applicant's objection to a provisional award. */
public record Objection(String id, String applicationId, String lodgedBy, String reason, ObjectionStatus status,
		Instant lodgedAt, String resolvedBy, Instant resolvedAt) {
}
