package dev.scenariohub.scenario.review;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import dev.scenariohub.scenario.Fixtures;
import dev.scenariohub.scenario.ScenarioServiceIntegrationTest;
import dev.scenariohub.scenario.chronograph.Chronograph;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review, award with standstill and objections, and the pilot, through the API. Each test
 * drives its own scenario (with its own reviewers and applicants) up to the stage it is
 * about.
 */
@ScenarioServiceIntegrationTest
class ReviewAwardPilotApiTest {

	static final String CREDIT_CODE_1 = "91430111MA4L41YT1U";

	@Autowired
	MutableClock clock;

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KnownApplicantRepository applicants;

	@Autowired
	Chronograph chronograph;

	Fixtures fixtures;

	@Autowired
	void bind(ApplicationContext context) {
		this.fixtures = new Fixtures(ApiClients.anonymous(context), this.clock);
	}

	/**
	 * One scenario's journey: its program, two applicants and three reviewers of its own.
	 */
	final class Journey {

		final String tag = new ObjectId().toHexString().substring(16);

		final String programId = ReviewAwardPilotApiTest.this.fixtures.program("1000000.00", 10_000);

		final String scenarioId = ReviewAwardPilotApiTest.this.fixtures
			.draft(ReviewAwardPilotApiTest.this.fixtures.scenarioBody(this.programId));

		final String e1 = new ObjectId().toHexString();

		final String e2 = new ObjectId().toHexString();

		final String a1 = new ObjectId().toHexString();

		final String a2 = new ObjectId().toHexString();

		final String owner1 = "ent-1-" + this.tag;

		final String owner2 = "ent-2-" + this.tag;

		final List<String> reviewers = List.of("reviewer-1-" + this.tag, "reviewer-2-" + this.tag,
				"reviewer-3-" + this.tag);

		String reviewer(int n) {
			return this.reviewers.get(n - 1);
		}

	}

	/**
	 * A CLOSED scenario with two verified applicants, known to scenario-service from
	 * events.
	 */
	private Journey closedWithTwoApplicants() {
		Journey j = new Journey();
		this.fixtures.transition(j.scenarioId, "publish");
		this.fixtures.transition(j.scenarioId, "close");
		enterprise(j.e1, "Lingnan Pattern AI Co.", CREDIT_CODE_1, j.owner1);
		enterprise(j.e2, "Pearl River Vision Ltd.", "91440101MA59UT2X6L", j.owner2);
		application(j.a1, j.scenarioId, j.e1, "Sketch-to-pattern assistant");
		application(j.a2, j.scenarioId, j.e2, "Grading by vision models");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.applicants.application(j.a2).blockOptional().isPresent()
					&& this.applicants.enterprise(j.e2).blockOptional().isPresent()
					&& this.applicants.application(j.a1).blockOptional().isPresent()
					&& this.applicants.enterprise(j.e1).blockOptional().isPresent());
		return j;
	}

	/**
	 * Reviewer 1 declares a tie to the first applicant; two reviews per application are
	 * planned.
	 */
	private void assignWithoutConflicts(Journey j) {
		reviewer(j.reviewer(1)).put()
			.uri("/api/v1/reviewers/me/affiliations")
			.bodyValue(Map.of("enterpriseIds", List.of(), "creditCodes", List.of(CREDIT_CODE_1)))
			.exchange()
			.expectStatus()
			.isOk();
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/review-assignments", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a1, "reviewer", j.reviewer(1)))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/conflict-of-interest");
		List<?> planned = this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/review-assignments/auto", j.scenarioId)
			.bodyValue(Map.of("reviewers", j.reviewers, "perApplication", 2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(planned).hasSize(4);
		assertThat(planned).noneMatch(p -> j.a1.equals(((Map<?, ?>) p).get("applicationId"))
				&& j.reviewer(1).equals(((Map<?, ?>) p).get("reviewer")));
	}

	/** Every assignment done: reviewer 3 recuses its first, the others score. */
	private void reviewEverything(Journey j) {
		for (String r : j.reviewers) {
			List<Map<String, Object>> mine = assignmentsOf(r);
			for (int i = 0; i < mine.size(); i++) {
				String id = (String) mine.get(i).get("assignmentId");
				if (r.equals(j.reviewer(3)) && i == 0) {
					reviewer(r).post()
						.uri("/api/v1/reviews/assignments/{id}/recuse", id)
						.bodyValue(Map.of("reason", "former colleague of the team lead"))
						.exchange()
						.expectStatus()
						.isOk();
					continue;
				}
				reviewer(r).post()
					.uri("/api/v1/reviews/assignments/{id}/scores", id)
					.bodyValue(Map.of("scores", Map.of("feasibility", 5, "impact", r.equals(j.reviewer(1)) ? 1 : 4)))
					.exchange()
					.expectStatus()
					.isOk();
			}
		}
	}

	private Journey reviewed() {
		Journey j = closedWithTwoApplicants();
		assignWithoutConflicts(j);
		this.fixtures.transition(j.scenarioId, "start-review");
		reviewEverything(j);
		return j;
	}

	private void award(Journey j, List<String> applicationIds, int expectedStatus) {
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/award", j.scenarioId)
			.bodyValue(Map.of("applicationIds", applicationIds))
			.exchange()
			.expectStatus()
			.isEqualTo(expectedStatus);
	}

	private Map<?, ?> lodgeObjection(Journey j) {
		return this.fixtures.as(j.owner2, "enterprise")
			.post()
			.uri("/api/v1/scenarios/{id}/objections", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a2, "reason", "The ranking ignored our pilot results"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** Awarded to a1 after its standstill ended. */
	private void awardFinally(Journey j) {
		award(j, List.of(j.a1), 200);
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		this.chronograph.tick().block();
		assertStatus(j, "AWARDED");
	}

	@Test
	void conflictsOfInterestAreRefusedManuallyAndAutomatically() {
		Journey j = closedWithTwoApplicants();
		assignWithoutConflicts(j);
		// the applicant's owner is in conflict without declaring anything
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/review-assignments", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a2, "reviewer", j.owner2))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/conflict-of-interest");
	}

	@Test
	void scoringWaitsForTheReviewToStartAndReviewersSeeProposalsNeverApplicants() {
		Journey j = closedWithTwoApplicants();
		assignWithoutConflicts(j);
		String first = (String) assignmentsOf(j.reviewer(2)).get(0).get("assignmentId");
		reviewer(j.reviewer(2)).post()
			.uri("/api/v1/reviews/assignments/{id}/scores", first)
			.bodyValue(Map.of("scores", Map.of("feasibility", 4, "impact", 3)))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.fixtures.transition(j.scenarioId, "start-review");
		for (String r : j.reviewers) {
			String body = reviewer(r).get()
				.uri("/api/v1/reviews/assignments")
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).contains("proposal")
				.doesNotContain(j.e1, j.e2, j.a1, j.a2, "Lingnan", "Pearl River", CREDIT_CODE_1, "enterpriseId",
						"applicationId");
		}
	}

	@Test
	void onlyTheAssignedReviewerScoresAndTheAwardWaitsForEveryReview() {
		Journey j = closedWithTwoApplicants();
		assignWithoutConflicts(j);
		this.fixtures.transition(j.scenarioId, "start-review");
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/award", j.scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(j.a1)))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/reviews-pending");
		String someone = (String) assignmentsOf(j.reviewer(1)).get(0).get("assignmentId");
		reviewer("reviewer-9-" + j.tag).post()
			.uri("/api/v1/reviews/assignments/{id}/scores", someone)
			.bodyValue(Map.of("scores", Map.of("feasibility", 5, "impact", 5)))
			.exchange()
			.expectStatus()
			.isNotFound();
		reviewEverything(j);
		this.fixtures.officer()
			.get()
			.uri("/api/v1/scenarios/{id}/ranking", j.scenarioId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].rank")
			.isEqualTo(1)
			.jsonPath("$[0].score")
			.isNumber();
	}

	@Test
	void anAwardStaysWithinMaxAwardsAndReservesFromThePools() {
		Journey j = reviewed();
		award(j, List.of(j.a1, j.a2, new ObjectId().toHexString()), 409);
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/award", j.scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(j.a1, j.a2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.award.status")
			.isEqualTo("PROPOSED");
		assertThat(remaining(program(j.programId))).isEqualTo("0.00");
	}

	@Test
	void onlyTheApplicantObjectsAndAnUpheldObjectionReleasesTheBudget() {
		Journey j = reviewed();
		award(j, List.of(j.a1, j.a2), 200);
		this.fixtures.as(j.owner1, "enterprise")
			.post()
			.uri("/api/v1/scenarios/{id}/objections", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a2, "reason", "not ours"))
			.exchange()
			.expectStatus()
			.isNotFound();
		Map<?, ?> objection = lodgeObjection(j);
		// the officer finds the objection with the award it is about
		this.fixtures.officer()
			.get()
			.uri("/api/v1/scenarios/{id}/outcome", j.scenarioId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.award.status")
			.isEqualTo("PROPOSED")
			.jsonPath("$.award.applicationIds.length()")
			.isEqualTo(2)
			.jsonPath("$.objections[0].objectionId")
			.isEqualTo(objection.get("objectionId"))
			.jsonPath("$.objections[0].status")
			.isEqualTo("LODGED")
			.jsonPath("$.milestones.length()")
			.isEqualTo(0);
		this.fixtures.as(j.owner1, "enterprise")
			.get()
			.uri("/api/v1/scenarios/{id}/outcome", j.scenarioId)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.clock.advance(Duration.ofDays(4));
		this.chronograph.tick().block();
		assertStatus(j, "UNDER_REVIEW");
		this.fixtures.officer()
			.post()
			.uri("/api/v1/objections/{id}/uphold", objection.get("objectionId"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UPHELD");
		assertThat(remaining(program(j.programId))).isEqualTo("1000000.00");
	}

	@Test
	void anAwardBecomesFinalWhenItsStandstillEnds() {
		Journey j = reviewed();
		award(j, List.of(j.a1), 200);
		assertThat(remaining(program(j.programId))).isEqualTo("500000.00");
		this.chronograph.tick().block();
		assertStatus(j, "UNDER_REVIEW");
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		this.chronograph.tick().block();
		assertStatus(j, "AWARDED");
	}

	@Test
	void thePilotRemindsOnceEachAndOnlyTheAwardeeCompletesItsMilestones() {
		Journey j = reviewed();
		awardFinally(j);
		runPilotToCompletion(j);
	}

	@Test
	void everyEventAboutTheScenarioIsPublishedInOrderAndValidAgainstItsContract() {
		Journey j = reviewed();
		award(j, List.of(j.a1, j.a2), 200);
		Map<?, ?> objection = lodgeObjection(j);
		this.fixtures.officer()
			.post()
			.uri("/api/v1/objections/{id}/uphold", objection.get("objectionId"))
			.exchange()
			.expectStatus()
			.isOk();
		awardFinally(j);
		runPilotToCompletion(j);
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> tap.records()
					.stream()
					.anyMatch(r -> j.scenarioId.equals(r.key())
							&& "dev.scenariohub.scenario.completed.v1".equals(EventTap.header(r, "ce_type"))));
			List<ConsumerRecord<String, byte[]>> events = tap.records()
				.stream()
				.filter(r -> j.scenarioId.equals(r.key()))
				.toList();
			events.forEach(r -> EventSchemas.assertValid(EventTap.header(r, "ce_type"), r.value()));
			List<String> types = events.stream()
				.map(r -> EventTap.header(r, "ce_type").replace("dev.scenariohub.", ""))
				.toList();
			assertThat(types).containsSubsequence("scenario.published.v1", "scenario.closed.v1", "review.assigned.v1",
					"scenario.review-started.v1", "review.submitted.v1", "review.recused.v1",
					"scenario.award-proposed.v1", "objection.lodged.v1", "objection.resolved.v1",
					"scenario.award-proposed.v1", "scenario.awarded.v1", "scenario.pilot-started.v1",
					"milestone.scheduled.v1", "milestone.due-soon.v1", "milestone.overdue.v1", "milestone.completed.v1",
					"scenario.completed.v1");
			assertThat(types.stream().filter(t -> t.equals("milestone.due-soon.v1"))).hasSize(1);
			assertThat(types.stream().filter(t -> t.equals("milestone.overdue.v1"))).hasSize(1);
			assertThat(events).extracting(r -> Long.parseLong(EventTap.header(r, "ce_sequence"))).isSorted();
		}
	}

	/**
	 * Starts the pilot of an AWARDED scenario, reminds, completes a1's milestone and the
	 * scenario.
	 */
	private void runPilotToCompletion(Journey j) {
		this.fixtures.transition(j.scenarioId, "start-pilot");
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/milestones", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a2, "title", "x", "dueOn", today.plusDays(5).toString()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		Map<?, ?> milestone = this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/milestones", j.scenarioId)
			.bodyValue(Map.of("applicationId", j.a1, "title", "Prototype in three workshops", "deliverable",
					"field report", "dueOn", today.plusDays(5).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/complete", j.scenarioId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/milestones-open");
		this.clock.advance(Duration.ofDays(3));
		this.chronograph.tick().block();
		this.chronograph.tick().block();
		this.clock.advance(Duration.ofDays(3));
		this.chronograph.tick().block();
		this.chronograph.tick().block();
		this.fixtures.as(j.owner2, "enterprise")
			.post()
			.uri("/api/v1/milestones/{id}/complete", milestone.get("milestoneId"))
			.bodyValue(Map.of("report", "done"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.fixtures.as(j.owner1, "enterprise")
			.post()
			.uri("/api/v1/milestones/{id}/complete", milestone.get("milestoneId"))
			.bodyValue(Map.of("report", "Pattern time down 60% in three workshops"))
			.exchange()
			.expectStatus()
			.isOk();
		this.fixtures.officer()
			.post()
			.uri("/api/v1/scenarios/{id}/complete", j.scenarioId)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void assertStatus(Journey j, String status) {
		this.fixtures.officer()
			.get()
			.uri("/api/v1/scenarios/{id}", j.scenarioId)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	/**
	 * Publishes an event as enterprise-service does, after checking it against its
	 * contract.
	 */
	private void publish(String topic, String type, String subject, long sequence, String json) {
		EventSchemas.assertValid(type, json.getBytes(StandardCharsets.UTF_8));
		this.publisher
			.publish(topic,
					List.of(new OutboxEvent(UUID.randomUUID().toString(), type, subject, sequence, Instant.now(),
							json)))
			.block(Duration.ofSeconds(10));
	}

	private void enterprise(String id, String name, String creditCode, String owner) {
		publish("enterprises", "dev.scenariohub.enterprise.verified.v1", id, 2,
				"""
						{"enterpriseId":"%s","name":"%s","creditCode":"%s","category":"STARTUP","status":"VERIFIED","owner":"%s","members":[]}
						"""
					.formatted(id, name, creditCode, owner));
	}

	private void application(String id, String scenarioId, String enterpriseId, String summary) {
		publish("applications", "dev.scenariohub.application.submitted.v1", id, 2,
				"""
						{"applicationId":"%s","scenarioId":"%s","enterpriseId":"%s","status":"SUBMITTED",
						 "proposal":{"summary":"%s","technicalApproach":"Diffusion models on the public computing centre","team":"6 engineers",
						  "milestones":[{"title":"Prototype","deliverable":"demo","dueOn":"2026-06-01"}],
						  "requestedFunding":{"amount":"400000.00","currency":"CNY"},"requestedComputeGpuHours":1500},
						 "submittedAt":"2026-03-01T08:00:00Z"}
						"""
					.formatted(id, scenarioId, enterpriseId, summary));
	}

	private WebTestClient reviewer(String sub) {
		return this.fixtures.as(sub, "reviewer");
	}

	private List<Map<String, Object>> assignmentsOf(String reviewer) {
		return reviewer(reviewer).get()
			.uri("/api/v1/reviews/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> program(String id) {
		return this.fixtures.anonymous()
			.get()
			.uri("/api/v1/programs/{id}", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static String remaining(Map<?, ?> program) {
		return (String) ((Map<?, ?>) ((Map<?, ?>) program.get("fundingBudget")).get("remaining")).get("amount");
	}

}
