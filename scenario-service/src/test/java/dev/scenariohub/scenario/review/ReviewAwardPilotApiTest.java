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
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import dev.scenariohub.scenario.chronograph.Chronograph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Review, award with standstill and objections, and the pilot, end to end through the API. */
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

	/** Publishes an event as enterprise-service does, after checking it against its contract. */
	private void publish(String topic, String type, String subject, long sequence, String json) {
		EventSchemas.assertValid(type, json.getBytes(StandardCharsets.UTF_8));
		this.publisher.publish(topic, List.of(new OutboxEvent(UUID.randomUUID().toString(), type, subject, sequence,
				Instant.now(), json))).block(Duration.ofSeconds(10));
	}

	private void enterprise(String id, String name, String creditCode, String owner) {
		publish("enterprises", "dev.scenariohub.enterprise.verified.v1", id, 2, """
				{"enterpriseId":"%s","name":"%s","creditCode":"%s","category":"STARTUP","status":"VERIFIED","owner":"%s","members":[]}
				""".formatted(id, name, creditCode, owner));
	}

	private void application(String id, String scenarioId, String enterpriseId, String summary) {
		publish("applications", "dev.scenariohub.application.submitted.v1", id, 2, """
				{"applicationId":"%s","scenarioId":"%s","enterpriseId":"%s","status":"SUBMITTED",
				 "proposal":{"summary":"%s","technicalApproach":"Diffusion models on the public computing centre","team":"6 engineers",
				  "milestones":[{"title":"Prototype","deliverable":"demo","dueOn":"2026-06-01"}],
				  "requestedFunding":{"amount":"400000.00","currency":"CNY"},"requestedComputeGpuHours":1500},
				 "submittedAt":"2026-03-01T08:00:00Z"}
				""".formatted(id, scenarioId, enterpriseId, summary));
	}

	private WebTestClient reviewer(String sub) {
		return this.fixtures.as(sub, "reviewer");
	}

	private List<Map<String, Object>> assignmentsOf(String reviewer) {
		return reviewer(reviewer).get().uri("/api/v1/reviews/assignments").exchange().expectStatus().isOk()
			.expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}

	private Map<?, ?> program(String id) {
		return this.fixtures.anonymous().get().uri("/api/v1/programs/{id}", id).exchange().expectBody(Map.class)
			.returnResult().getResponseBody();
	}

	private static String remaining(Map<?, ?> program) {
		return (String) ((Map<?, ?>) ((Map<?, ?>) program.get("fundingBudget")).get("remaining")).get("amount");
	}

	@Test
	void reviewIsBlindAndConflictFreeAndTheAwardGoesThroughStandstillObjectionsAndThePilot() {
		String programId = this.fixtures.program("1000000.00", 10_000);
		String scenarioId = this.fixtures.draft(this.fixtures.scenarioBody(programId));
		this.fixtures.transition(scenarioId, "publish");
		this.fixtures.transition(scenarioId, "close");

		String e1 = new ObjectId().toHexString();
		String e2 = new ObjectId().toHexString();
		String a1 = new ObjectId().toHexString();
		String a2 = new ObjectId().toHexString();
		enterprise(e1, "Lingnan Pattern AI Co.", CREDIT_CODE_1, "ent-1");
		enterprise(e2, "Pearl River Vision Ltd.", "91440101MA59UT2X6L", "ent-2");
		application(a1, scenarioId, e1, "Sketch-to-pattern assistant");
		application(a2, scenarioId, e2, "Grading by vision models");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.applicants.application(a2).blockOptional().isPresent()
				&& this.applicants.enterprise(e2).blockOptional().isPresent()
				&& this.applicants.application(a1).blockOptional().isPresent()
				&& this.applicants.enterprise(e1).blockOptional().isPresent());

		// conflicts of interest are refused, manual and automatic
		reviewer("reviewer-1").put().uri("/api/v1/reviewers/me/affiliations")
			.bodyValue(Map.of("enterpriseIds", List.of(), "creditCodes", List.of(CREDIT_CODE_1)))
			.exchange().expectStatus().isOk();
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/review-assignments", scenarioId)
			.bodyValue(Map.of("applicationId", a1, "reviewer", "reviewer-1"))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("https://scenariohub.dev/problems/conflict-of-interest");
		List<?> planned = this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/review-assignments/auto", scenarioId)
			.bodyValue(Map.of("reviewers", List.of("reviewer-1", "reviewer-2", "reviewer-3"), "perApplication", 2))
			.exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
		assertThat(planned).hasSize(4);
		assertThat(planned).noneMatch(p -> a1.equals(((Map<?, ?>) p).get("applicationId"))
				&& "reviewer-1".equals(((Map<?, ?>) p).get("reviewer")));

		// scoring waits for the review to start
		String r2first = (String) assignmentsOf("reviewer-2").get(0).get("assignmentId");
		reviewer("reviewer-2").post().uri("/api/v1/reviews/assignments/{id}/scores", r2first)
			.bodyValue(Map.of("scores", Map.of("feasibility", 4, "impact", 3))).exchange().expectStatus().isEqualTo(409);
		this.fixtures.transition(scenarioId, "start-review");

		// reviewers see proposals, never who applied
		for (String r : List.of("reviewer-1", "reviewer-2", "reviewer-3")) {
			String body = reviewer(r).get().uri("/api/v1/reviews/assignments").exchange().expectBody(String.class)
				.returnResult().getResponseBody();
			assertThat(body).contains("proposal").doesNotContain(e1, e2, a1, a2, "Lingnan", "Pearl River", CREDIT_CODE_1,
					"enterpriseId", "applicationId");
		}

		// the award waits for every review
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/award", scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(a1))).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("https://scenariohub.dev/problems/reviews-pending");

		for (String r : List.of("reviewer-1", "reviewer-2", "reviewer-3")) {
			List<Map<String, Object>> mine = assignmentsOf(r);
			for (int i = 0; i < mine.size(); i++) {
				String id = (String) mine.get(i).get("assignmentId");
				if (r.equals("reviewer-3") && i == 0) {
					reviewer(r).post().uri("/api/v1/reviews/assignments/{id}/recuse", id)
						.bodyValue(Map.of("reason", "former colleague of the team lead")).exchange().expectStatus().isOk();
					continue;
				}
				reviewer(r).post().uri("/api/v1/reviews/assignments/{id}/scores", id)
					.bodyValue(Map.of("scores", Map.of("feasibility", 5, "impact", r.equals("reviewer-1") ? 1 : 4)))
					.exchange().expectStatus().isOk();
				reviewer("reviewer-9").post().uri("/api/v1/reviews/assignments/{id}/scores", id)
					.bodyValue(Map.of("scores", Map.of("feasibility", 5, "impact", 5))).exchange().expectStatus().isNotFound();
			}
		}
		this.fixtures.officer().get().uri("/api/v1/scenarios/{id}/ranking", scenarioId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].rank").isEqualTo(1)
			.jsonPath("$[0].score").isNumber();

		// more than maxAwards, or more than the pools hold, is refused
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/award", scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(a1, a2, new ObjectId().toHexString()))).exchange()
			.expectStatus().isEqualTo(409);
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/award", scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(a1, a2))).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.award.status").isEqualTo("PROPOSED");
		assertThat(remaining(program(programId))).isEqualTo("0.00");

		// an applicant objects; only for its own application; upholding releases the budget
		this.fixtures.as("ent-1", "enterprise").post().uri("/api/v1/scenarios/{id}/objections", scenarioId)
			.bodyValue(Map.of("applicationId", a2, "reason", "not ours")).exchange().expectStatus().isNotFound();
		Map<?, ?> objection = this.fixtures.as("ent-2", "enterprise").post()
			.uri("/api/v1/scenarios/{id}/objections", scenarioId)
			.bodyValue(Map.of("applicationId", a2, "reason", "The ranking ignored our pilot results"))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		this.clock.advance(Duration.ofDays(4));
		this.chronograph.tick().block();
		this.fixtures.officer().get().uri("/api/v1/scenarios/{id}", scenarioId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("UNDER_REVIEW");
		this.fixtures.officer().post().uri("/api/v1/objections/{id}/uphold", objection.get("objectionId")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UPHELD");
		assertThat(remaining(program(programId))).isEqualTo("1000000.00");

		// a new award becomes final when its standstill ends
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/award", scenarioId)
			.bodyValue(Map.of("applicationIds", List.of(a1))).exchange().expectStatus().isOk();
		assertThat(remaining(program(programId))).isEqualTo("500000.00");
		this.chronograph.tick().block();
		this.fixtures.officer().get().uri("/api/v1/scenarios/{id}", scenarioId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("UNDER_REVIEW");
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		this.chronograph.tick().block();
		this.fixtures.officer().get().uri("/api/v1/scenarios/{id}", scenarioId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("AWARDED");

		// the pilot: milestones, reminders once each, completion by the awardee
		this.fixtures.transition(scenarioId, "start-pilot");
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/milestones", scenarioId)
			.bodyValue(Map.of("applicationId", a2, "title", "x", "dueOn", today.plusDays(5).toString()))
			.exchange().expectStatus().isBadRequest();
		Map<?, ?> milestone = this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/milestones", scenarioId)
			.bodyValue(Map.of("applicationId", a1, "title", "Prototype in three workshops", "deliverable", "field report",
					"dueOn", today.plusDays(5).toString()))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/complete", scenarioId).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("https://scenariohub.dev/problems/milestones-open");
		this.clock.advance(Duration.ofDays(3));
		this.chronograph.tick().block();
		this.chronograph.tick().block();
		this.clock.advance(Duration.ofDays(3));
		this.chronograph.tick().block();
		this.chronograph.tick().block();
		this.fixtures.as("ent-2", "enterprise").post().uri("/api/v1/milestones/{id}/complete", milestone.get("milestoneId"))
			.bodyValue(Map.of("report", "done")).exchange().expectStatus().isNotFound();
		this.fixtures.as("ent-1", "enterprise").post().uri("/api/v1/milestones/{id}/complete", milestone.get("milestoneId"))
			.bodyValue(Map.of("report", "Pattern time down 60% in three workshops")).exchange().expectStatus().isOk();
		this.fixtures.officer().post().uri("/api/v1/scenarios/{id}/complete", scenarioId).exchange().expectStatus().isOk();

		// every event about the scenario, in order, each valid against its contract
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> tap.records().stream()
				.anyMatch(r -> scenarioId.equals(r.key()) && "dev.scenariohub.scenario.completed.v1".equals(EventTap.header(r, "ce_type"))));
			List<ConsumerRecord<String, byte[]>> events = tap.records().stream().filter(r -> scenarioId.equals(r.key())).toList();
			events.forEach(r -> EventSchemas.assertValid(EventTap.header(r, "ce_type"), r.value()));
			List<String> types = events.stream().map(r -> EventTap.header(r, "ce_type").replace("dev.scenariohub.", "")).toList();
			assertThat(types).containsSubsequence("scenario.published.v1", "scenario.closed.v1", "review.assigned.v1",
					"scenario.review-started.v1", "review.submitted.v1", "review.recused.v1", "scenario.award-proposed.v1",
					"objection.lodged.v1", "objection.resolved.v1", "scenario.award-proposed.v1", "scenario.awarded.v1",
					"scenario.pilot-started.v1", "milestone.scheduled.v1", "milestone.due-soon.v1", "milestone.overdue.v1",
					"milestone.completed.v1", "scenario.completed.v1");
			assertThat(types.stream().filter(t -> t.equals("milestone.due-soon.v1"))).hasSize(1);
			assertThat(types.stream().filter(t -> t.equals("milestone.overdue.v1"))).hasSize(1);
			assertThat(events).extracting(r -> Long.parseLong(EventTap.header(r, "ce_sequence"))).isSorted();
		}
	}
}
