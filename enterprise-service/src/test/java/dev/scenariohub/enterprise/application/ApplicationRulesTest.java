package dev.scenariohub.enterprise.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.scenariohub.enterprise.enterprise.EnterpriseCategory;
import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.enterprise.EnterpriseStatus;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.platform.web.Money;
import dev.scenariohub.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

import static dev.scenariohub.enterprise.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Submission and status rules, without Spring. */
class ApplicationRulesTest {

	static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

	static KnownScenario scenario(String status, Instant closesAt, List<String> eligible) {
		return new KnownScenario("s1", "t", "OTHER", "o", "d", "r", List.of(), eligible,
				new KnownScenario.Support(new Money("1000.00", "CNY"), 100, null, null), 1, NOW, closesAt,
				"Asia/Shanghai", status, 2);
	}

	static EnterpriseState enterprise(EnterpriseStatus status, EnterpriseCategory category) {
		return new EnterpriseState("e1", "n", "91430111MA4L41YT1U", category, "d", List.of(), List.of(), null, status,
				"u1", List.of(), false, null, null, NOW, null);
	}

	static Application draft(long fundingFen, long gpuHours) {
		return Application.draft("a1",
				new ApplicationDraft("s1", "e1", "sum", null, null, List.of(), fundingFen, gpuHours), "u1", NOW);
	}

	private static String code(Runnable r) {
		try {
			r.run();
			return null;
		}
		catch (RuleViolation v) {
			return v.code();
		}
	}

	@Test
	void submissionNeedsAnOpenWindowAVerifiedEligibleEnterpriseAndRequestsWithinTheOffer() {
		KnownScenario open = scenario("OPEN", NOW.plusSeconds(60), List.of("STARTUP"));
		EnterpriseState startup = enterprise(EnterpriseStatus.VERIFIED, EnterpriseCategory.STARTUP);
		assertThat(draft(1000_00, 100).submit(open, startup, NOW, "u1").state().status()).isEqualTo(SUBMITTED);
		assertThat(
				code(() -> draft(1, 1).submit(scenario("CLOSED", NOW.plusSeconds(60), List.of()), startup, NOW, "u1")))
			.isEqualTo("scenario-not-open");
		assertThat(code(() -> draft(1, 1).submit(scenario("OPEN", NOW, List.of()), startup, NOW, "u1")))
			.isEqualTo("window-closed");
		assertThat(code(() -> draft(1, 1).submit(open, enterprise(EnterpriseStatus.PENDING, EnterpriseCategory.STARTUP),
				NOW, "u1")))
			.isEqualTo("enterprise-not-verified");
		assertThat(code(() -> draft(1, 1).submit(open,
				enterprise(EnterpriseStatus.VERIFIED, EnterpriseCategory.LEADING), NOW, "u1")))
			.isEqualTo("not-eligible");
		assertThat(code(() -> draft(1000_01, 1).submit(open, startup, NOW, "u1"))).isEqualTo("exceeds-support");
		assertThat(code(() -> draft(1, 101).submit(open, startup, NOW, "u1"))).isEqualTo("exceeds-support");
	}

	@Test
	void statusesFollowTheScenarioForwardOnly() {
		ScenarioOutcome material = new ScenarioOutcome(ScenarioOutcome.Kind.MATERIAL_CHANGE, Set.of(), null);
		ScenarioOutcome review = new ScenarioOutcome(ScenarioOutcome.Kind.REVIEW_STARTED, Set.of(), null);
		ScenarioOutcome proposed = new ScenarioOutcome(ScenarioOutcome.Kind.AWARD_PROPOSED, Set.of("a1"), null);
		ScenarioOutcome awarded = new ScenarioOutcome(ScenarioOutcome.Kind.AWARDED, Set.of("a1"), null);
		ScenarioOutcome cancelled = new ScenarioOutcome(ScenarioOutcome.Kind.CANCELLED, Set.of(), "budget");
		assertThat(material.statusFor("a1", SUBMITTED)).isEqualTo(RECONFIRMATION_REQUIRED);
		assertThat(review.statusFor("a1", SUBMITTED)).isEqualTo(UNDER_REVIEW);
		assertThat(review.statusFor("a1", RECONFIRMATION_REQUIRED)).as("not re-confirmed in time")
			.isEqualTo(NOT_SELECTED);
		assertThat(proposed.statusFor("a1", UNDER_REVIEW)).isEqualTo(SHORTLISTED);
		assertThat(proposed.statusFor("a2", UNDER_REVIEW)).isEqualTo(UNDER_REVIEW);
		assertThat(awarded.statusFor("a1", SHORTLISTED)).isEqualTo(AWARDED);
		assertThat(awarded.statusFor("a2", UNDER_REVIEW)).isEqualTo(NOT_SELECTED);
		assertThat(cancelled.statusFor("a1", UNDER_REVIEW)).isEqualTo(CANCELLED);
		for (ApplicationStatus ended : ApplicationStatus.FINAL) {
			for (ScenarioOutcome o : List.of(material, review, proposed, awarded, cancelled)) {
				assertThat(o.statusFor("a1", ended)).as("an ended application never moves").isEqualTo(ended);
			}
		}
		assertThat(review.statusFor("a1", DRAFT)).isEqualTo(DRAFT);
	}

	@Test
	void withdrawalIsOnlyBeforeReview() {
		assertThat(draft(1, 1).withdraw("u1").state().status()).isEqualTo(WITHDRAWN);
		assertThat(draft(1, 1).withdraw("u1").state().liveKey()).as("frees the enterprise to apply again")
			.startsWith("ended:");
		Application underReview = Application.of(draft(1, 1).state().with(UNDER_REVIEW, NOW), 3);
		assertThatThrownBy(() -> underReview.withdraw("u1")).isInstanceOf(RuleViolation.class);
	}

}
