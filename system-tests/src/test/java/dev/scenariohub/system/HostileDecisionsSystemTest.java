package dev.scenariohub.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * reviewer's scores, the officer's award, an applicant's objection and a pilot's
 * milestone, each on one real scenario under review. Whatever comes in, the answer is
 * never a 5xx, a refusal is a problem document, and a refused request leaves the scenario
 * and its assignments as they were, byte for byte.
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
		scenario = Journeys.draftScenario(officer, Journeys.program(officer, "Fuzzed decisions"), "Fuzzed decisions",
				"fuzzing-decisions");
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

	/**
	 * Never a 5xx; a refusal is a problem document and changed neither the scenario nor
	 * its assignments.
	 */
	private static void judge(String token, String path, String body) {
		String before = state();
		Stack.Response response = Stack.call("POST", path, token, body, Map.of());
		Statistics.collect(response.status() / 100 + "xx");
		assertThat(response.status()).as(response.body()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
			assertThat(state()).as("a refused request changed nothing").isEqualTo(before);
		}
	}

	private static String state() {
		return Journeys.expect(200, Stack.call("GET", "/api/v1/scenarios/" + scenario, officer, null, Map.of())).body()
				+ Journeys
					.expect(200, Stack.call("GET", "/api/v1/scenarios/" + scenario + "/review-assignments", officer,
							null, Map.of()))
					.body();
	}

	/** The assignment is SUBMITTED (by a valid body, unless a try got through first). */
	private static void scored() {
		Stack.Response submitted = Stack.call("POST", "/api/v1/reviews/assignments/" + assignment + "/scores", reviewer,
				validScores(), Map.of());
		assertThat(submitted.status()).as(submitted.body()).isIn(200, 409);
	}

	/** The award is proposed (by a valid body, unless a try got through first). */
	private static void awarded() {
		scored();
		Stack.Response award = Stack.call("POST", "/api/v1/scenarios/" + scenario + "/award", officer, validAward(),
				Map.of());
		assertThat(award.status()).as(award.body()).isIn(200, 409);
	}

	private static Map<String, Object> validScores() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scores", Map.of("fit", 4));
		body.put("comment", "Finds most defects in time");
		return body;
	}

	private static Map<String, Object> validAward() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("applicationIds", List.of(application));
		return body;
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
		return HostileJson.bodies(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("applicationId", application);
			body.put("reason", "The ranking overlooked our pilot results");
			return body;
		});
	}

	@Provide
	Arbitrary<String> milestoneBodies() {
		return HostileJson.bodies(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("applicationId", application);
			body.put("title", "Prototype on the line");
			body.put("deliverable", "A camera rig inspecting one line");
			body.put("dueOn", "2027-03-01");
			return body;
		});
	}

}
