package dev.scenariohub.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based fuzzing of the bodies that decide a scenario, through the gateway: a
 * reviewer's scores and recusal, the officer's award, an applicant's objection, a pilot's
 * milestone and its completion report, each on one real scenario under review, and a
 * cancellation of a draft. Whatever comes in, the answer is never a 5xx, a refusal is a
 * problem document, and a refused request leaves the scenario and its assignments as they
 * were, byte for byte.
 *
 * <p>
 * The scenario moves on as valid bodies get through (scores are submitted once, the award
 * made once, one objection lodged), so the properties do not depend on their order: each
 * first brings the scenario to the state its body is meant for, and valid bodies arriving
 * later are refused as the process says (409), which is judged the same way.
 */
class HostileDecisionsSystemTest {

	private static final String REVIEWER_NAME = "demo-reviewer-3";

	private static String officer;

	private static String enterprise;

	private static String reviewer;

	private static String scenario;

	private static String application;

	private static String assignment;

	private static String program;

	private static final String SECOND_REVIEWER_NAME = "demo-reviewer-2";

	private static String secondReviewer;

	private static String secondAssignment;

	@BeforeContainer
	static void aScenarioUnderReview() {
		officer = Stack.token("demo-officer");
		enterprise = Stack.token("demo-enterprise-2");
		reviewer = Stack.token(REVIEWER_NAME);
		String enterpriseId = Journeys.created(Stack.call("POST", "/api/v1/enterprises", enterprise,
				Map.of("name", "Fuzzed decisions applicant", "creditCode", ApplyAndReviewSystemTest.freshCreditCode(),
						"category", "STARTUP", "district", "Haizhu", "capabilities", List.of("fuzzing-decisions"),
						"contact", Map.of("name", "Fuzz", "email", "fuzz@example.com")),
				Map.of()));
		Journeys.expect(200,
				Stack.call("POST", "/api/v1/enterprises/" + enterpriseId + "/verify", officer, null, Map.of()));
		secondReviewer = Stack.token(SECOND_REVIEWER_NAME);
		program = Journeys.program(officer, "Fuzzed decisions");
		scenario = Journeys.draftScenario(officer, program, "Fuzzed decisions", "fuzzing-decisions");
		Journeys.expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/publish", officer, null, Map.of()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack.call("GET", "/api/v1/matches/open-scenarios/" + scenario, enterprise, null, Map.of())
				.status() == 200);
		application = Journeys.created(Stack.call("POST", "/api/v1/applications", enterprise,
				Map.of("scenarioId", scenario, "enterpriseId", enterpriseId, "summary", "Decisions to fuzz",
						"requestedFunding", Map.of("amount", "10.00", "currency", "CNY"), "requestedComputeGpuHours",
						1),
				Map.of()));
		Journeys.expect(200,
				Stack.call("POST", "/api/v1/applications/" + application + "/submit", enterprise, null, Map.of()));
		Journeys.expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenario + "/close", officer, null, Map.of()));
		// the submission reaches scenario-service as an event
		assignment = await().atMost(Duration.ofSeconds(30)).until(() -> {
			Stack.Response assigned = Stack.call("POST", "/api/v1/scenarios/" + scenario + "/review-assignments",
					officer, Map.of("applicationId", application, "reviewer", REVIEWER_NAME), Map.of());
			return assigned.status() == 201 ? assigned.json().get("assignmentId").asString() : null;
		}, id -> id != null);
		secondAssignment = Journeys
			.expect(201,
					Stack.call("POST", "/api/v1/scenarios/" + scenario + "/review-assignments", officer,
							Map.of("applicationId", application, "reviewer", SECOND_REVIEWER_NAME), Map.of()))
			.json()
			.get("assignmentId")
			.asString();
		Journeys.expect(200,
				Stack.call("POST", "/api/v1/scenarios/" + scenario + "/start-review", officer, null, Map.of()));
	}

	@Property(tries = 20)
	void scoringWithAnyBody(@ForAll("scoreBodies") String body) {
		judge(reviewer, "/api/v1/reviews/assignments/" + assignment + "/scores", body);
	}

	@Property(tries = 20)
	void awardingWithAnyBody(@ForAll("awardBodies") String body) {
		scored();
		judge(officer, "/api/v1/scenarios/" + scenario + "/award", body);
	}

	@Property(tries = 20)
	void objectingWithAnyBody(@ForAll("objectionBodies") String body) {
		awarded();
		judge(enterprise, "/api/v1/scenarios/" + scenario + "/objections", body);
	}

	@Property(tries = 20)
	void schedulingAMilestoneWithAnyBody(@ForAll("milestoneBodies") String body) {
		awarded();
		judge(officer, "/api/v1/scenarios/" + scenario + "/milestones", body);
	}

	@Property(tries = 10)
	void recusingWithAnyBody(@ForAll("reasonBodies") String body) {
		judge(secondReviewer, "/api/v1/reviews/assignments/" + secondAssignment + "/recuse", body);
	}

	@Property(tries = 10)
	void cancellingWithAnyBody(@ForAll("reasonBodies") String body) {
		String draft = Journeys.draftScenario(officer, program, "Fuzzed cancellation", "fuzzing-decisions");
		judge(officer, "/api/v1/scenarios/" + draft + "/cancel", body, () -> state(draft));
	}

	/**
	 * A pilot's completion report. No milestone of a pilot can be reached here (a pilot
	 * starts after the award's standstill period), so valid bodies are refused as a
	 * milestone nobody has; what is fuzzed is that no body gets further than a 4xx.
	 */
	@Property(tries = 10)
	void completingAMilestoneWithAnyBody(@ForAll("reportBodies") String body) {
		judge(officer, "/api/v1/milestones/000000000000000000000000/complete", body);
	}

	/**
	 * Never a 5xx; a refusal is a problem document and changed neither the scenario nor
	 * its assignments.
	 */
	private static void judge(String token, String path, String body) {
		judge(token, path, body, () -> state(scenario));
	}

	private static void judge(String token, String path, String body, Supplier<String> state) {
		String before = state.get();
		Stack.Response response = Stack.call("POST", path, token, body, Map.of());
		Statistics.collect(response.status() / 100 + "xx");
		assertThat(response.status()).as(response.body()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
			assertThat(state.get()).as("a refused request changed nothing").isEqualTo(before);
		}
	}

	private static String state(String scenarioId) {
		return Journeys.expect(200, Stack.call("GET", "/api/v1/scenarios/" + scenarioId, officer, null, Map.of()))
			.body()
				+ Journeys
					.expect(200, Stack.call("GET", "/api/v1/scenarios/" + scenarioId + "/review-assignments", officer,
							null, Map.of()))
					.body();
	}

	/**
	 * The first assignment is SUBMITTED and the second RECUSED (by valid bodies, unless
	 * tries got through first), so that the award may be made.
	 */
	private static void scored() {
		Stack.Response submitted = Stack.call("POST", "/api/v1/reviews/assignments/" + assignment + "/scores", reviewer,
				validScores(), Map.of());
		assertThat(submitted.status()).as(submitted.body()).isIn(200, 409);
		Stack.Response recused = Stack.call("POST", "/api/v1/reviews/assignments/" + secondAssignment + "/recuse",
				secondReviewer, validReason(), Map.of());
		assertThat(recused.status()).as(recused.body()).isIn(200, 409);
	}

	private static Map<String, Object> validReason() {
		return HostileJson.body("reason", "I advised a competitor on this problem last year");
	}

	@Provide
	Arbitrary<String> reasonBodies() {
		return HostileJson.bodies(HostileDecisionsSystemTest::validReason);
	}

	@Provide
	Arbitrary<String> reportBodies() {
		return HostileJson
			.bodies(() -> HostileJson.body("report", "The line inspects every seam; defects fell by a third"));
	}

	/** The award is proposed (by a valid body, unless a try got through first). */
	private static void awarded() {
		scored();
		Stack.Response award = Stack.call("POST", "/api/v1/scenarios/" + scenario + "/award", officer, validAward(),
				Map.of());
		assertThat(award.status()).as(award.body()).isIn(200, 409);
	}

	private static Map<String, Object> validScores() {
		return HostileJson.body("scores", Map.of("fit", 4), "comment", "Finds most defects in time");
	}

	private static Map<String, Object> validAward() {
		return HostileJson.body("applicationIds", List.of(application));
	}

	@Provide
	Arbitrary<String> scoreBodies() {
		return HostileJson.bodies(HostileDecisionsSystemTest::validScores);
	}

	@Provide
	Arbitrary<String> awardBodies() {
		return HostileJson.bodies(HostileDecisionsSystemTest::validAward);
	}

	@Provide
	Arbitrary<String> objectionBodies() {
		return HostileJson.bodies(() -> HostileJson.body("applicationId", application, "reason",
				"The ranking overlooked our pilot results"));
	}

	@Provide
	Arbitrary<String> milestoneBodies() {
		return HostileJson.bodies(() -> HostileJson.body("applicationId", application, "title", "Prototype on the line",
				"deliverable", "A camera rig inspecting one line", "dueOn", "2027-03-01"));
	}

}
