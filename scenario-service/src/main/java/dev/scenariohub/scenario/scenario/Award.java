package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

/**
 * The award of a scenario: provisional during the standstill period, final after it.
 *
 * @param fundingFenEach support per awardee as reserved from the program
 * @param computeGpuHoursEach compute per awardee as reserved from the program
 * @param awardId the attempt whose reservation holds the program's budget
 */
public record Award(List<String> applicationIds, AwardStatus status, Instant proposedAt, Instant standstillEndsAt,
		Instant finalAt, long fundingFenEach, long computeGpuHoursEach, String awardId) {
}
