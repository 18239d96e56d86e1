package dev.scenariohub.scenario.award;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.Money;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;
import dev.scenariohub.scenario.scenario.Award;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.Objection;
import dev.scenariohub.scenario.scenario.ObjectionStatus;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioState;
import dev.scenariohub.scenario.scenario.ScenarioStatus;

/**
 * The award rules: a provisional award once every review is done, a standstill period in
 * which applicants may object, and a final award when it ends with no objection upheld or
 * pending.
 */
public final class AwardRules {

	private AwardRules() {
	}

	public static Scenario propose(Scenario scenario, String awardId, List<String> applicationIds,
			Set<String> liveApplications, Duration standstill, Instant now, String officer) {
		scenario.require(ScenarioStatus.UNDER_REVIEW, "award");
		ScenarioState s = scenario.state();
		if (s.award() != null && s.award().status() == AwardStatus.PROPOSED) {
			throw new RuleViolation("award-pending", "an award is already proposed; resolve it first");
		}
		long pending = s.assignments().stream().filter(a -> a.status() == AssignmentStatus.ASSIGNED).count();
		if (pending > 0) {
			throw new RuleViolation("reviews-pending",
					pending + " review assignment(s) are neither submitted nor recused",
					Map.of("pendingReviews", pending));
		}
		Set<String> chosen = new LinkedHashSet<>(applicationIds);
		if (chosen.isEmpty() || chosen.size() != applicationIds.size()) {
			throw RuleViolation.invalid("applicationIds", "name each awarded application once");
		}
		if (chosen.size() > s.maxAwards()) {
			throw new RuleViolation("too-many-awards", "at most " + s.maxAwards() + " award(s) for this scenario",
					Map.of("maxAwards", s.maxAwards()));
		}
		for (String id : chosen) {
			boolean reviewed = s.assignments()
				.stream()
				.anyMatch(a -> a.applicationId().equals(id) && a.status() == AssignmentStatus.SUBMITTED);
			if (!liveApplications.contains(id) || !reviewed) {
				throw RuleViolation.invalid("applicationIds",
						id + " is not a live application of this scenario with a submitted review");
			}
		}
		Award award = new Award(List.copyOf(chosen), AwardStatus.PROPOSED, now, now.plus(standstill), null,
				s.support().fundingFen(), s.support().computeGpuHours(), awardId);
		ScenarioState next = s.toBuilder().award(award).build();
		return scenario.next(next, new PendingEvent(AwardEvents.PROPOSED,
				new AwardEvents.AwardProposed(s.id(), s.programId(), next.status(), award.applicationIds(),
						award.standstillEndsAt(), Money.ofMinor(award.fundingFenEach()), award.computeGpuHoursEach()),
				officer));
	}

	/**
	 * How many objections one application may lodge against a scenario's awards in all:
	 * objections are decided one at a time, and each is kept in the scenario's document
	 * and told to every officer, so they are bounded.
	 */
	static final int MAX_OBJECTIONS_PER_APPLICATION = 3;

	/** An applicant objects to the provisional award, during the standstill only. */
	public static Scenario lodgeObjection(Scenario scenario, String objectionId, String applicationId, String by,
			String reason, Instant now) {
		ScenarioState s = scenario.state();
		Award award = s.award();
		if (award == null || award.status() != AwardStatus.PROPOSED || !now.isBefore(award.standstillEndsAt())) {
			throw new RuleViolation("no-standstill", "objections are lodged during the standstill of a proposed award");
		}
		if (s.assignments().stream().noneMatch(a -> a.applicationId().equals(applicationId))) {
			throw RuleViolation.invalid("applicationId", "is not an application reviewed in this scenario");
		}
		List<Objection> earlier = s.objections().stream().filter(o -> o.applicationId().equals(applicationId)).toList();
		if (earlier.stream().anyMatch(o -> o.status() == ObjectionStatus.LODGED)) {
			throw new RuleViolation("objection-open",
					"an objection for this application is already lodged; lodge another once it is decided");
		}
		if (earlier.size() >= MAX_OBJECTIONS_PER_APPLICATION) {
			throw new RuleViolation("objections-exhausted", "this application has lodged "
					+ MAX_OBJECTIONS_PER_APPLICATION + " objections already, the most one application may");
		}
		Objection objection = new Objection(objectionId, applicationId, by, reason, ObjectionStatus.LODGED, now, null,
				null);
		List<Objection> objections = new ArrayList<>(s.objections());
		objections.add(objection);
		return scenario
			.next(s.toBuilder().objections(objections).build(), new PendingEvent(AwardEvents.OBJECTION_LODGED,
					new AwardEvents.ObjectionChanged(s.id(), objectionId, applicationId, ObjectionStatus.LODGED, false),
					by));
	}

	/** Upholding withdraws the provisional award (its reservation is then released). */
	public static Scenario resolveObjection(Scenario scenario, String objectionId, boolean uphold, String officer,
			Instant now) {
		ScenarioState s = scenario.state();
		Objection objection = s.objections()
			.stream()
			.filter(o -> o.objectionId().equals(objectionId))
			.findFirst()
			.orElseThrow(() -> new NotFound("Objection", objectionId));
		if (objection.status() != ObjectionStatus.LODGED) {
			throw new RuleViolation("objection-resolved", "this objection is already " + objection.status(),
					Map.of("currentStatus", objection.status().name()));
		}
		ObjectionStatus outcome = uphold ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
		Objection resolved = new Objection(objection.objectionId(), objection.applicationId(), objection.lodgedBy(),
				objection.reason(), outcome, objection.lodgedAt(), officer, now);
		List<Objection> objections = s.objections()
			.stream()
			.map(o -> o.objectionId().equals(objectionId) ? resolved : o)
			.toList();
		ScenarioState.Builder next = s.toBuilder().objections(objections);
		boolean withdraw = uphold && s.award() != null && s.award().status() == AwardStatus.PROPOSED;
		if (withdraw) {
			Award a = s.award();
			next.award(new Award(a.applicationIds(), AwardStatus.WITHDRAWN, a.proposedAt(), a.standstillEndsAt(), null,
					a.fundingFenEach(), a.computeGpuHoursEach(), a.awardId()));
		}
		return scenario.next(next.build(), new PendingEvent(AwardEvents.OBJECTION_RESOLVED,
				new AwardEvents.ObjectionChanged(s.id(), objectionId, objection.applicationId(), outcome, withdraw),
				officer));
	}

	/**
	 * The standstill has ended with nothing upheld or pending: the award becomes final.
	 */
	public static Scenario finalizeIfDue(Scenario scenario, Instant now) {
		ScenarioState s = scenario.state();
		Award a = s.award();
		boolean due = scenario.status() == ScenarioStatus.UNDER_REVIEW && a != null
				&& a.status() == AwardStatus.PROPOSED && !now.isBefore(a.standstillEndsAt())
				&& s.objections().stream().noneMatch(o -> o.status() == ObjectionStatus.LODGED);
		if (!due) {
			return scenario;
		}
		Award done = new Award(a.applicationIds(), AwardStatus.FINAL, a.proposedAt(), a.standstillEndsAt(), now,
				a.fundingFenEach(), a.computeGpuHoursEach(), a.awardId());
		ScenarioState next = s.toBuilder().award(done).status(ScenarioStatus.AWARDED).build();
		List<AwardEvents.Winner> winners = a.applicationIds()
			.stream()
			.map(id -> new AwardEvents.Winner(id, Money.ofMinor(a.fundingFenEach()), a.computeGpuHoursEach()))
			.toList();
		List<String> notSelected = s.assignments()
			.stream()
			.map(Assignment::applicationId)
			.distinct()
			.filter(id -> !a.applicationIds().contains(id))
			.toList();
		return scenario.next(next, new PendingEvent(AwardEvents.AWARDED,
				new AwardEvents.Awarded(s.id(), s.programId(), next.status(), winners, notSelected), Scenario.SYSTEM));
	}

}
