package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A pilot milestone of one awardee.
 *
 * @param dueSoonRaisedAt when the due-soon reminder went out (once), or null
 * @param overdueRaisedAt when the overdue notice went out (once), or null
 */
public record Milestone(String milestoneId, String applicationId, String title, String deliverable, LocalDate dueOn,
		boolean completed, String report, Instant completedAt, String completedBy, Instant dueSoonRaisedAt,
		Instant overdueRaisedAt) {
}
