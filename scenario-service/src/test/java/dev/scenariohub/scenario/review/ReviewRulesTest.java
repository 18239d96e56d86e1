package dev.scenariohub.scenario.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.award.AwardRules;
import dev.scenariohub.scenario.pilot.PilotEvents;
import dev.scenariohub.scenario.pilot.PilotRules;
import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.readmodel.KnownEnterprise;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.Criterion;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioDraft;
import dev.scenariohub.scenario.scenario.ScenarioStatus;
import dev.scenariohub.scenario.scenario.Sector;
import dev.scenariohub.scenario.scenario.Support;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review, award and pilot rules, without Spring. */
class ReviewRulesTest {

	static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

	static final List<Criterion> RUBRIC = List.of(new Criterion("feasibility", "Feasibility", 60, List.of()),
			new Criterion("impact", "Impact", 40, List.of()));

	static Scenario inStatus(ScenarioStatus status) {
		ScenarioDraft d = new ScenarioDraft("p1", "t", Sector.OTHER, "o", "d", null, List.of(), List.of(),
				new Support(100_00, 10, null, null), 1, NOW.minusSeconds(7200), NOW.minusSeconds(3600), "Asia/Shanghai",
				RUBRIC);
		Scenario draft = Scenario.draft("s1", d, "o", NOW.minusSeconds(9000));
		return Scenario.of(draft.state().toBuilder().status(status).build(), 5);
	}

	static Scenario saved(Scenario s) {
		return Scenario.of(s.state(), s.version() + 1);
	}

	@Test
	void aReviewerIsAssignedOnceAndOnlyAfterTheWindowClosed() {
		assertThatThrownBy(() -> ReviewRules.assign(inStatus(ScenarioStatus.OPEN), "x1", "a1", "r1", NOW, "o"))
			.isInstanceOf(RuleViolation.class);
		Scenario assigned = saved(ReviewRules.assign(inStatus(ScenarioStatus.CLOSED), "x1", "a1", "r1", NOW, "o"));
		assertThatThrownBy(() -> ReviewRules.assign(assigned, "x2", "a1", "r1", NOW, "o"))
			.hasMessageContaining("already");
	}

	@Test
	void scoresAreTakenOnlyUnderReviewFromTheAssignedReviewerAndOnlyOnce() {
		Scenario closed = saved(ReviewRules.assign(inStatus(ScenarioStatus.CLOSED), "x1", "a1", "r1", NOW, "o"));
		Map<String, Integer> scores = Map.of("feasibility", 4, "impact", 2);
		assertThatThrownBy(() -> ReviewRules.submit(closed, "x1", "r1", scores, null, NOW))
			.isInstanceOf(RuleViolation.class);
		Scenario review = saved(closed.startReview("o"));
		assertThatThrownBy(() -> ReviewRules.submit(review, "x1", "r2", scores, null, NOW))
			.as("another reviewer's assignment does not exist for this one")
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> ReviewRules.submit(review, "x1", "r1", Map.of("feasibility", 4), null, NOW))
			.satisfies(ex -> assertThat(((RuleViolation) ex).field()).isEqualTo("scores"));
		Scenario submitted = ReviewRules.submit(review, "x1", "r1", scores, "comment-1", NOW);
		ReviewEvents.ReviewChanged event = (ReviewEvents.ReviewChanged) submitted.newEvents().get(0).payload();
		assertThat(event.score()).isEqualTo(64.0);
		assertThatThrownBy(() -> ReviewRules.recuse(saved(submitted), "x1", "r1", "late", "reason-1", NOW))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void aConflictIsATieByEnterpriseIdOrByCreditCode() {
		KnownApplication app = new KnownApplication("a1", "s1", "e1", "SUBMITTED", null, null, 1);
		KnownEnterprise ent = new KnownEnterprise("e1", "Acme", "91430111MA4L41YT1U", "u1", List.of(), 1);
		assertThat(ConflictOfInterest.between("r", new Affiliations("r", List.of("e1"), List.of(), NOW), app, ent))
			.isTrue();
		assertThat(ConflictOfInterest.between("r", new Affiliations("r", List.of(), List.of("91430111MA4L41YT1U"), NOW),
				app, ent))
			.isTrue();
		assertThat(ConflictOfInterest.between("r", Affiliations.none("r"), app, ent)).isFalse();
	}

	@Test
	void theApplicantsOwnPeopleAreInConflictWhateverTheyDeclared() {
		KnownApplication app = new KnownApplication("a1", "s1", "e1", "SUBMITTED", null, null, 1);
		KnownEnterprise ent = new KnownEnterprise("e1", "Acme", "91430111MA4L41YT1U", "owner-1", List.of("member-1"),
				1);
		assertThat(ConflictOfInterest.between("owner-1", Affiliations.none("owner-1"), app, ent)).isTrue();
		assertThat(ConflictOfInterest.between("member-1", null, app, ent)).isTrue();
		assertThat(ConflictOfInterest.between("someone-else", null, app, ent)).isFalse();
	}

	@Test
	void automaticAssignmentSkipsConflictsAndSpreadsTheLoad() {
		List<AutoAssignment.Pair> plan = AutoAssignment.plan(List.of("a1", "a2", "a3"), List.of("r1", "r2", "r3"), 2,
				List.of(), (reviewer, application) -> reviewer.equals("r1") && application.equals("a1"));
		assertThat(plan).hasSize(6).doesNotContain(new AutoAssignment.Pair("a1", "r1"));
		Map<String, Long> load = plan.stream()
			.collect(Collectors.groupingBy(AutoAssignment.Pair::reviewer, Collectors.counting()));
		assertThat(load.values()).allSatisfy(n -> assertThat(n).isEqualTo(2L));
		assertThatThrownBy(
				() -> AutoAssignment.plan(List.of("a1"), List.of("r1", "r2"), 2, List.of(), (r, a) -> r.equals("r2")))
			.hasMessageContaining("needs 2 more");
	}

	private static Scenario reviewed() {
		Scenario s = saved(ReviewRules.assign(inStatus(ScenarioStatus.CLOSED), "x1", "a1", "r1", NOW, "o"));
		s = saved(ReviewRules.assign(s, "x2", "a2", "r1", NOW, "o"));
		s = saved(s.startReview("o"));
		s = saved(ReviewRules.submit(s, "x1", "r1", Map.of("feasibility", 5, "impact", 5), null, NOW));
		return saved(ReviewRules.submit(s, "x2", "r1", Map.of("feasibility", 1, "impact", 1), null, NOW));
	}

	@Test
	void anAwardNeedsEveryReviewDoneAndRespectsMaxAwards() {
		Scenario pending = saved(ReviewRules.assign(saved(inStatus(ScenarioStatus.CLOSED).startReview("o")), "x1", "a1",
				"r1", NOW, "o"));
		assertThatThrownBy(
				() -> AwardRules.propose(pending, "award-1", List.of("a1"), Set.of("a1"), Duration.ofDays(3), NOW, "o"))
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo("reviews-pending"));
		assertThatThrownBy(() -> AwardRules.propose(reviewed(), "award-1", List.of("a1", "a2"), Set.of("a1", "a2"),
				Duration.ofDays(3), NOW, "o"))
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo("too-many-awards"));
		assertThatThrownBy(
				() -> AwardRules.propose(reviewed(), "award-1", List.of("a1"), Set.of(), Duration.ofDays(3), NOW, "o"))
			.satisfies(ex -> assertThat(((RuleViolation) ex).field()).isEqualTo("applicationIds"));
	}

	@Test
	void anAwardBecomesFinalOnlyAfterTheStandstillWithNoObjectionPending() {
		Scenario proposed = saved(AwardRules.propose(reviewed(), "award-1", List.of("a1"), Set.of("a1", "a2"),
				Duration.ofDays(3), NOW, "o"));
		assertThat(AwardRules.finalizeIfDue(proposed, NOW.plus(Duration.ofDays(2)))).isSameAs(proposed);
		Scenario objected = saved(
				AwardRules.lodgeObjection(proposed, "ob1", "a2", "u2", "unfair", NOW.plusSeconds(60)));
		assertThat(AwardRules.finalizeIfDue(objected, NOW.plus(Duration.ofDays(4)))).as("pending objection")
			.isSameAs(objected);
		Scenario dismissed = saved(
				AwardRules.resolveObjection(objected, "ob1", false, "o", NOW.plus(Duration.ofDays(4))));
		Scenario awarded = AwardRules.finalizeIfDue(dismissed, NOW.plus(Duration.ofDays(4)));
		assertThat(awarded.status()).isEqualTo(ScenarioStatus.AWARDED);
		assertThat(awarded.state().award().status()).isEqualTo(AwardStatus.FINAL);
		assertThatThrownBy(
				() -> AwardRules.lodgeObjection(proposed, "ob2", "a2", "u2", "late", NOW.plus(Duration.ofDays(3))))
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo("no-standstill"));
	}

	@Test
	void anApplicationHasOneObjectionOpenAtATimeAndAFewInAll() {
		Scenario s = saved(AwardRules.propose(reviewed(), "award-1", List.of("a1"), Set.of("a1", "a2"),
				Duration.ofDays(3), NOW, "o"));
		s = saved(AwardRules.lodgeObjection(s, "ob1", "a2", "u2", "unfair", NOW));
		Scenario open = s;
		assertThatThrownBy(() -> AwardRules.lodgeObjection(open, "ob2", "a2", "u2", "again", NOW))
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo("objection-open"));
		for (int i = 2; i <= 3; i++) {
			s = saved(AwardRules.resolveObjection(s, "ob" + (i - 1), false, "o", NOW));
			s = saved(AwardRules.lodgeObjection(s, "ob" + i, "a2", "u2", "still unfair", NOW));
		}
		Scenario exhausted = saved(AwardRules.resolveObjection(s, "ob3", false, "o", NOW));
		assertThatThrownBy(() -> AwardRules.lodgeObjection(exhausted, "ob4", "a2", "u2", "once more", NOW))
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo("objections-exhausted"));
		assertThat(exhausted.state().objections()).hasSize(3);
	}

	@Test
	void anUpheldObjectionWithdrawsTheProvisionalAward() {
		Scenario proposed = saved(AwardRules.propose(reviewed(), "award-1", List.of("a1"), Set.of("a1", "a2"),
				Duration.ofDays(3), NOW, "o"));
		Scenario objected = saved(AwardRules.lodgeObjection(proposed, "ob1", "a2", "u2", "unfair", NOW));
		Scenario upheld = AwardRules.resolveObjection(objected, "ob1", true, "o", NOW);
		assertThat(upheld.state().award().status()).isEqualTo(AwardStatus.WITHDRAWN);
		assertThat(upheld.status()).isEqualTo(ScenarioStatus.UNDER_REVIEW);
	}

	@Test
	void milestoneRemindersAreRaisedOnceEach() {
		Scenario awarded = AwardRules.finalizeIfDue(saved(AwardRules.propose(reviewed(), "award-1", List.of("a1"),
				Set.of("a1", "a2"), Duration.ofDays(3), NOW, "o")), NOW.plus(Duration.ofDays(3)));
		Scenario piloting = saved(saved(awarded).startPilot("o"));
		LocalDate due = LocalDate.of(2026, 5, 10);
		Scenario planned = saved(PilotRules.schedule(piloting, "m1", "a1", "Prototype", null, due, "o"));
		assertThat(PilotRules.remind(planned, due.minusDays(4), Period.ofDays(3), NOW)).isSameAs(planned);
		Scenario soon = saved(PilotRules.remind(planned, due.minusDays(3), Period.ofDays(3), NOW));
		assertThat(soon.state().milestones().get(0).dueSoonRaisedAt()).isNotNull();
		assertThat(PilotRules.remind(soon, due.minusDays(1), Period.ofDays(3), NOW)).isSameAs(soon);
		Scenario late = PilotRules.remind(soon, due.plusDays(1), Period.ofDays(3), NOW);
		assertThat(late.newEvents()).extracting(e -> e.type()).containsExactly(PilotEvents.OVERDUE);
		assertThat(PilotRules.remind(saved(late), due.plusDays(2), Period.ofDays(3), NOW).newEvents()).isEmpty();
	}

}
