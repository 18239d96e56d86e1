package dev.scenariohub.scenario.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.scenariohub.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

	static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	static final Duration WINDOW = Duration.ofHours(48);

	static final List<Criterion> RUBRIC = List.of(new Criterion("feasibility", "Feasibility", 60, List.of()),
			new Criterion("impact", "Impact", 40, List.of()));

	static ScenarioDraft draft(Instant opensAt, Instant closesAt) {
		return new ScenarioDraft("p1", "Drone parcel lockers", Sector.LOW_ALTITUDE_ECONOMY, "Haizhu Post",
				"Last-mile delivery by drone", "Payload 5 kg", List.of("drone-navigation"), List.of(),
				new Support(100_000_00L, 500, null, "Pazhou pier"), 1, opensAt, closesAt, "Asia/Shanghai", RUBRIC);
	}

	static Scenario open() {
		return Scenario.draft("s1", draft(NOW, NOW.plus(Duration.ofDays(10))), "officer-1", NOW)
			.publish(NOW, "officer-1");
	}

	static ScenarioChanges none() {
		return new ScenarioChanges(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	@Test
	void cancellingWithdrawsAProvisionalAwardSoItHoldsNoBudget() {
		Scenario open = open();
		Award proposed = new Award(List.of("a1"), AwardStatus.PROPOSED, NOW, NOW.plus(Duration.ofDays(3)), null, 100, 1,
				"attempt-1");
		Scenario underReview = open
			.next(open.state().toBuilder().status(ScenarioStatus.UNDER_REVIEW).award(proposed).build());

		Scenario cancelled = underReview.cancel("the budget was withdrawn", "officer-1");

		assertThat(cancelled.status()).isEqualTo(ScenarioStatus.CANCELLED);
		assertThat(cancelled.state().award().status()).isEqualTo(AwardStatus.WITHDRAWN);
	}

	@Test
	void aNewScenarioIsADraftAndAnnouncesNothing() {
		Scenario scenario = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(3600)), "officer-1", NOW);
		assertThat(scenario.status()).isEqualTo(ScenarioStatus.DRAFT);
		assertThat(scenario.newEvents()).isEmpty();
	}

	@Test
	void refusesAWindowThatClosesBeforeItOpens() {
		assertThatThrownBy(() -> Scenario.draft("s1", draft(NOW, NOW), "officer-1", NOW))
			.isInstanceOf(RuleViolation.class)
			.satisfies(ex -> assertThat(((RuleViolation) ex).field()).isEqualTo("closesAt"));
	}

	@Test
	void publishingOpensTheScenarioAndRaisesItsFullSnapshot() {
		Scenario open = open();
		assertThat(open.status()).isEqualTo(ScenarioStatus.OPEN);
		assertThat(open.newEvents()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(ScenarioEvents.PUBLISHED);
			ScenarioEvents.Snapshot snapshot = (ScenarioEvents.Snapshot) event.payload();
			assertThat(snapshot.support().funding().amount()).isEqualTo("100000.00");
			assertThat(snapshot.programId()).isEqualTo("p1");
			assertThat(event.actor()).isEqualTo("officer-1");
		});
	}

	@Test
	void everyTransitionFollowsTheLifecycle() {
		Scenario closed = Scenario.of(open().state(), 2).close(NOW, "officer-1");
		assertThat(closed.status()).isEqualTo(ScenarioStatus.CLOSED);
		Scenario review = Scenario.of(closed.state(), 3).startReview("officer-1");
		assertThat(review.status()).isEqualTo(ScenarioStatus.UNDER_REVIEW);
		assertThat(review.newEvents()).extracting(e -> e.type()).containsExactly(ScenarioEvents.REVIEW_STARTED);
		Scenario awarded = Scenario.of(review.state().toBuilder().status(ScenarioStatus.AWARDED).build(), 5);
		Scenario piloting = awarded.startPilot("officer-1");
		assertThat(piloting.status()).isEqualTo(ScenarioStatus.PILOTING);
		assertThat(Scenario.of(piloting.state(), 6).complete("officer-1").status()).isEqualTo(ScenarioStatus.COMPLETED);
	}

	@Test
	void illegalTransitionsNameTheCurrentStatus() {
		Scenario draft = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(3600)), "officer-1", NOW);
		assertThatThrownBy(() -> draft.close(NOW, "o")).isInstanceOf(RuleViolation.class)
			.satisfies(ex -> assertThat(((RuleViolation) ex).details()).containsEntry("currentStatus", "DRAFT"));
		assertThatThrownBy(() -> draft.startReview("o")).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> draft.startPilot("o")).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> draft.complete("o")).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> open().publish(NOW, "o")).isInstanceOf(RuleViolation.class)
			.satisfies(ex -> assertThat(((RuleViolation) ex).details()).containsEntry("currentStatus", "OPEN"));
		Scenario cancelled = draft.cancel("budget withdrawn", "o");
		assertThat(cancelled.status()).isEqualTo(ScenarioStatus.CANCELLED);
		assertThatThrownBy(() -> cancelled.cancel("again", "o")).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> cancelled.publish(NOW, "o")).isInstanceOf(RuleViolation.class);
	}

	@Test
	void cannotPublishAfterTheWindowClosed() {
		Scenario draft = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(60)), "officer-1", NOW);
		assertThatThrownBy(() -> draft.publish(NOW.plusSeconds(61), "o")).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("closed");
	}

	@Test
	void theDeadlineClosesAnOpenScenarioOnceItHasCome() {
		Scenario open = Scenario.of(open().state(), 2);
		assertThat(open.closeAtDeadline(NOW.plus(Duration.ofDays(9)))).isSameAs(open);
		Scenario closed = open.closeAtDeadline(NOW.plus(Duration.ofDays(10)));
		assertThat(closed.status()).isEqualTo(ScenarioStatus.CLOSED);
		assertThat(closed.newEvents()).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(ScenarioEvents.CLOSED);
			assertThat(e.actor()).isEqualTo(Scenario.SYSTEM);
		});
		assertThat(Scenario.of(closed.state(), 3).closeAtDeadline(NOW.plus(Duration.ofDays(11))))
			.extracting(Scenario::newEvents)
			.asList()
			.isEmpty();
	}

	@Test
	void aMaterialChangeFarFromTheDeadlineIsMarkedButDoesNotExtend() {
		Scenario open = Scenario.of(open().state(), 2);
		ScenarioChanges requirements = new ScenarioChanges(null, null, null, null, "Payload 8 kg", null, null, null,
				null, null, null, null);
		Scenario changed = open.change(requirements, NOW.plus(Duration.ofDays(1)), WINDOW, "officer-1");
		assertThat(changed.state().closesAt()).isEqualTo(open.state().closesAt());
		ScenarioEvents.Updated updated = (ScenarioEvents.Updated) changed.newEvents().get(0).payload();
		assertThat(updated.material()).isTrue();
		assertThat(updated.changedFields()).containsExactly("requirements");
		assertThat(updated.deadlineExtended()).isFalse();
	}

	@Test
	void aMaterialChangeInTheLastHoursExtendsTheDeadlineByTheWindow() {
		Scenario open = Scenario.of(open().state(), 2);
		Instant closesAt = open.state().closesAt();
		ScenarioChanges support = new ScenarioChanges(null, null, null, null, null, null, null,
				new Support(200_000_00L, 500, null, null), null, null, null, null);
		Scenario changed = open.change(support, closesAt.minus(Duration.ofHours(47)), WINDOW, "officer-1");
		assertThat(changed.state().closesAt()).isEqualTo(closesAt.plus(WINDOW));
		assertThat(((ScenarioEvents.Updated) changed.newEvents().get(0).payload()).deadlineExtended()).isTrue();
	}

	@Test
	void aCosmeticChangeIsNotMaterialAndDoesNotExtend() {
		Scenario open = Scenario.of(open().state(), 2);
		Instant closesAt = open.state().closesAt();
		ScenarioChanges title = new ScenarioChanges("Drone lockers, phase 1", null, null, null, null, null, null, null,
				null, null, null, null);
		Scenario changed = open.change(title, closesAt.minus(Duration.ofHours(1)), WINDOW, "officer-1");
		assertThat(changed.state().closesAt()).isEqualTo(closesAt);
		assertThat(((ScenarioEvents.Updated) changed.newEvents().get(0).payload()).material()).isFalse();
	}

	@Test
	void changingNothingChangesNothing() {
		Scenario open = Scenario.of(open().state(), 2);
		assertThat(open.change(none(), NOW, WINDOW, "o")).isSameAs(open);
	}

	@Test
	void aClosedScenarioCannotBeChanged() {
		Scenario closed = Scenario.of(open().state(), 2).close(NOW, "o");
		assertThatThrownBy(() -> Scenario.of(closed.state(), 3).change(none(), NOW, WINDOW, "o"))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void completingNeedsEveryMilestoneDone() {
		var milestone = new Milestone("m1", "a1", "Prototype", "demo", null, false, null, null, null, null, null);
		Scenario piloting = Scenario
			.of(open().state().toBuilder().status(ScenarioStatus.PILOTING).milestones(List.of(milestone)).build(), 9);
		assertThatThrownBy(() -> piloting.complete("o")).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("1 milestone");
	}

}
