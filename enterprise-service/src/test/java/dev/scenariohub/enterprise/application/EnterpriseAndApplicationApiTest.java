package dev.scenariohub.enterprise.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.scenariohub.enterprise.enterprise.CreditCodes;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.ConsumerGroups;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.SharedInfrastructure;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class EnterpriseAndApplicationApiTest {

	static final String VALID_CODE = "91430111MA4L41YT1U";

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	KnownScenarioRepository scenarios;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	WebTestClient as(String sub) {
		return ApiClients.as(this.web, sub, "enterprise");
	}

	WebTestClient officer() {
		return ApiClients.as(this.web, "demo-officer", "officer");
	}

	Map<String, Object> enterpriseBody(String code, String category) {
		return new HashMap<>(Map.of("name", "Lingnan Pattern AI Co.", "creditCode", code, "category", category,
				"district", "Haizhu", "capabilities", List.of("generative-design"), "coreTechnologies",
				List.of("diffusion models"), "contact",
				Map.of("name", "Li Wei", "email", "li.wei@example.com", "phone", "+86 20 1234 5678")));
	}

	String register(String owner, String category, boolean verify) {
		Map<?, ?> created = as(owner).post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody(CreditCodes.fresh(), category))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		if (verify) {
			officer().post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isOk();
		}
		return id;
	}

	RecordMetadata scenarioEvent(String type, String scenarioId, long sequence, String json) {
		EventSchemas.assertValid(type, json.getBytes(StandardCharsets.UTF_8));
		OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), type, scenarioId, sequence, Instant.now(),
				json);
		return this.kafka
			.send(KafkaMessageFactory.<String>createWriter("scenarios", scenarioId)
				.writeBinary(this.publisher.toCloudEvent(event)))
			.join()
			.getRecordMetadata();
	}

	String openScenario(Instant closesAt, String eligible) {
		String id = new ObjectId().toHexString();
		scenarioEvent("dev.scenariohub.scenario.published.v1", id, 2,
				"""
						{"scenarioId":"%s","programId":"p1","title":"Drone lockers","sector":"LOW_ALTITUDE_ECONOMY","demandOwner":"Haizhu Post",
						 "description":"d","requirements":"r","requiredCapabilities":["drone-navigation"],"eligibleCategories":[%s],
						 "support":{"funding":{"amount":"500000.00","currency":"CNY"},"computeGpuHours":2000,"dataAccess":null,"pilotSite":null},
						 "maxAwards":1,"opensAt":"2026-01-01T00:00:00Z","closesAt":"%s","timeZone":"Asia/Shanghai","status":"OPEN",
						 "publishedAt":"2026-01-01T00:00:00Z"}
						"""
					.formatted(id, eligible, closesAt));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.scenarios.findById(id).blockOptional().isPresent());
		return id;
	}

	Map<String, Object> applicationBody(String scenarioId, String enterpriseId) {
		return new HashMap<>(Map.of("scenarioId", scenarioId, "enterpriseId", enterpriseId, "summary",
				"Rooftop lockers", "technicalApproach", "VTOL drones", "requestedFunding",
				Map.of("amount", "400000.00", "currency", "CNY"), "requestedComputeGpuHours", 1500));
	}

	String draft(String owner, String scenarioId, String enterpriseId) {
		Map<?, ?> created = as(owner).post()
			.uri("/api/v1/applications")
			.bodyValue(applicationBody(scenarioId, enterpriseId))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	String statusOf(String owner, String applicationId) {
		return (String) as(owner).get()
			.uri("/api/v1/applications/{id}", applicationId)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("status");
	}

	@Test
	void enterprisesRegisterOnceAndOnlyTheirPeopleSeeThem() {
		as("ent-a").post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody("91430111MA4L41YT1T", "STARTUP"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("creditCode");
		as("ent-a").post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody("91430111ma4l41yt1u", "STARTUP"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("ent-a").post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody(VALID_CODE, "SPACE_AGENCY"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		Map<String, Object> invisibleName = enterpriseBody(VALID_CODE, "STARTUP");
		invisibleName.put("name", "\u200B\u200B");
		as("ent-a").post()
			.uri("/api/v1/enterprises")
			.bodyValue(invisibleName)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		String code = CreditCodes.fresh();
		Map<?, ?> created = as("ent-a").post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody(code, "STARTUP"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		assertThat(created.get("status")).isEqualTo("PENDING");
		as("ent-b").post()
			.uri("/api/v1/enterprises")
			.bodyValue(enterpriseBody(code, "STARTUP"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/credit-code-registered");

		as("ent-b").get().uri("/api/v1/enterprises/{id}", id).exchange().expectStatus().isNotFound();
		as("ent-b").patch()
			.uri("/api/v1/enterprises/{id}", id)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("name", "Mine now"))
			.exchange()
			.expectStatus()
			.isNotFound();
		as("ent-b").get()
			.uri("/api/v1/enterprises")
			.exchange()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + id + "')]")
			.doesNotExist();
		as("ent-a").post()
			.uri("/api/v1/enterprises/{id}/members", id)
			.bodyValue(Map.of("sub", "ent-b"))
			.exchange()
			.expectStatus()
			.isOk();
		as("ent-b").get().uri("/api/v1/enterprises/{id}", id).exchange().expectStatus().isOk();
		as("ent-b").post().uri("/api/v1/enterprises/{id}/verify", id).exchange().expectStatus().isForbidden();

		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "enterprises")) {
			ConsumerRecord<String, byte[]> registered = tap
				.awaitRecord(EventTap.event("dev.scenariohub.enterprise.registered.v1", id), Duration.ofSeconds(20));
			EventSchemas.assertValid("dev.scenariohub.enterprise.registered.v1", registered.value());
			assertThat(new String(registered.value())).doesNotContain("li.wei@example.com");
		}
	}

	@Test
	void aCreditCodeIsCheckedAsItIsTypedByTheRuleARegistrationMeets() {
		for (Map.Entry<String, String> typed : Map
			.of("9144", "WRONG_LENGTH", "91430111MA4L41YT1i", "INVALID_CHARACTER", "91430111MA4L41YT1T",
					"WRONG_CHECK_CHARACTER")
			.entrySet()) {
			as("ent-check").get()
				.uri(uri -> uri.path("/api/v1/enterprises/credit-code-check")
					.queryParam("code", typed.getKey())
					.build())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.valid")
				.isEqualTo(false)
				.jsonPath("$.problem")
				.isEqualTo(typed.getValue());
		}
		as("ent-check").get()
			.uri(uri -> uri.path("/api/v1/enterprises/credit-code-check")
				.queryParam("code", " 91440101MA5CYUF219 ")
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(true)
			.jsonPath("$.creditCode")
			.isEqualTo("91440101MA5CYUF219")
			.jsonPath("$.problem")
			.doesNotExist();
		as("ent-check").get()
			.uri(uri -> uri.path("/api/v1/enterprises/credit-code-check").queryParam("code", "9".repeat(65)).build())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aCodeFailingItsChecksumIsVerifiedOnlyAfterAnAuditedOverride() {
		Map<String, Object> body = enterpriseBody("91430111MA4L41YT1T", "STARTUP");
		body.put("creditCodeChecksumFails", true);
		Map<?, ?> created = as("ent-c").post()
			.uri("/api/v1/enterprises")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		officer().post()
			.uri("/api/v1/enterprises/{id}/verify", id)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/credit-code-unaudited");
		officer().post()
			.uri("/api/v1/enterprises/{id}/credit-code-override", id)
			.bodyValue(Map.of("reason", "Code issued before 2016; confirmed with the registry by phone"))
			.exchange()
			.expectStatus()
			.isOk();
		officer().post()
			.uri("/api/v1/enterprises/{id}/verify", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VERIFIED");
		officer().get()
			.uri("/api/v1/enterprises/{id}/history", id)
			.exchange()
			.expectBody()
			.jsonPath("$[1].actor")
			.isEqualTo("demo-officer");
	}

	@Test
	void officersReadAnApplicationButOnlyTheApplicantEditsIt() {
		String open = openScenario(Instant.now().plus(Duration.ofDays(10)), "\"STARTUP\"");
		String enterprise = register("ent-edit", "STARTUP", true);
		String draft = draft("ent-edit", open, enterprise);

		officer().patch()
			.uri("/api/v1/applications/{id}", draft)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("summary", "Rewritten by the bureau"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		officer().get()
			.uri("/api/v1/applications/{id}", draft)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.summary")
			.isEqualTo("Rooftop lockers");
		as("ent-edit").patch()
			.uri("/api/v1/applications/{id}", draft)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("summary", "Rooftop lockers, two sites"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.summary")
			.isEqualTo("Rooftop lockers, two sites");
	}

	@Test
	void submissionIsCheckedAgainstTheScenarioAndTheEnterprise() {
		String open = openScenario(Instant.now().plus(Duration.ofDays(10)), "\"STARTUP\"");
		String unverified = register("ent-d", "STARTUP", false);
		String draft = draft("ent-d", open, unverified);
		as("ent-d").post()
			.uri("/api/v1/applications/{id}/submit", draft)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/enterprise-not-verified");

		String institute = register("ent-e", "RESEARCH_INSTITUTE", true);
		as("ent-e").post()
			.uri("/api/v1/applications/{id}/submit", draft("ent-e", open, institute))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/not-eligible");

		String closed = openScenario(Instant.now().minus(Duration.ofMinutes(1)), "");
		String verified = register("ent-f", "STARTUP", true);
		as("ent-f").post()
			.uri("/api/v1/applications/{id}/submit", draft("ent-f", closed, verified))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/window-closed");

		Map<String, Object> greedy = applicationBody(open, verified);
		greedy.put("requestedComputeGpuHours", 5000);
		Map<?, ?> greedyDraft = as("ent-f").post()
			.uri("/api/v1/applications")
			.bodyValue(greedy)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("ent-f").post()
			.uri("/api/v1/applications/{id}/submit", greedyDraft.get("id"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/exceeds-support");

		as("ent-f").post()
			.uri("/api/v1/applications")
			.bodyValue(applicationBody(open, verified))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/already-applied");
		as("ent-x").get()
			.uri("/api/v1/applications/{id}", greedyDraft.get("id"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void concurrentRequestsLeaveExactlyOneLiveApplication() {
		String open = openScenario(Instant.now().plus(Duration.ofDays(10)), "");
		String enterprise = register("ent-g", "STARTUP", true);
		List<Integer> creates = concurrently(4,
				() -> as("ent-g").post()
					.uri("/api/v1/applications")
					.bodyValue(applicationBody(open, enterprise))
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value());
		assertThat(creates).containsOnlyOnce(201).containsOnly(201, 409);
		List<?> live = as("ent-g").get()
			.uri("/api/v1/applications?scenarioId={s}", open)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items") instanceof List<?> items ? items : List.of();
		assertThat(live).hasSize(1);
		String id = (String) ((Map<?, ?>) live.get(0)).get("id");
		List<Integer> submits = concurrently(4,
				() -> as("ent-g").post()
					.uri("/api/v1/applications/{id}/submit", id)
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value());
		assertThat(submits).containsOnlyOnce(200).containsOnly(200, 409);
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "applications")) {
			EventSchemas.assertValid("dev.scenariohub.application.submitted.v1", tap
				.awaitRecord(EventTap.event("dev.scenariohub.application.submitted.v1", id), Duration.ofSeconds(20))
				.value());
		}
	}

	/** Runs the same request from several threads at once and collects the statuses. */
	static List<Integer> concurrently(int n, Callable<Integer> request) {
		return Flux.range(0, n)
			.flatMap(i -> Mono.fromCallable(request).subscribeOn(Schedulers.boundedElastic()), n)
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	@Test
	void statusesFollowScenarioEventsEvenTwiceAndOnReplay() {
		String scenario = openScenario(Instant.now().plus(Duration.ofDays(10)), "");
		String winnerEnterprise = register("ent-h", "STARTUP", true);
		String otherEnterprise = register("ent-i", "LEADING", true);
		String winner = draft("ent-h", scenario, winnerEnterprise);
		String other = draft("ent-i", scenario, otherEnterprise);
		as("ent-h").post().uri("/api/v1/applications/{id}/submit", winner).exchange().expectStatus().isOk();
		as("ent-i").post().uri("/api/v1/applications/{id}/submit", other).exchange().expectStatus().isOk();

		String status = """
				{"scenarioId":"%s","programId":"p1","status":"%s","closesAt":"2026-12-01T00:00:00Z","reason":null}""";
		scenarioEvent("dev.scenariohub.scenario.closed.v1", scenario, 3, status.formatted(scenario, "CLOSED"));
		scenarioEvent("dev.scenariohub.scenario.review-started.v1", scenario, 4,
				status.formatted(scenario, "UNDER_REVIEW"));
		String proposed = """
				{"scenarioId":"%s","programId":"p1","status":"UNDER_REVIEW","applicationIds":["%s"],"standstillEndsAt":"2026-12-05T00:00:00Z",
				 "fundingEach":{"amount":"500000.00","currency":"CNY"},"computeGpuHoursEach":2000}"""
			.formatted(scenario, winner);
		scenarioEvent("dev.scenariohub.scenario.award-proposed.v1", scenario, 9, proposed);
		String awarded = """
				{"scenarioId":"%s","programId":"p1","status":"AWARDED","winners":[{"applicationId":"%s","funding":{"amount":"500000.00","currency":"CNY"},"computeGpuHours":2000}],
				 "notSelected":["%s"]}"""
			.formatted(scenario, winner, other);
		scenarioEvent("dev.scenariohub.scenario.awarded.v1", scenario, 10, awarded);
		scenarioEvent("dev.scenariohub.scenario.awarded.v1", scenario, 10, awarded);
		// a replay of older events after the final state
		scenarioEvent("dev.scenariohub.scenario.review-started.v1", scenario, 4,
				status.formatted(scenario, "UNDER_REVIEW"));
		RecordMetadata last = scenarioEvent("dev.scenariohub.scenario.award-proposed.v1", scenario, 9, proposed);
		ConsumerGroups.awaitConsumed("enterprise-service", last, Duration.ofSeconds(30));

		assertThat(statusOf("ent-h", winner)).isEqualTo("AWARDED");
		assertThat(statusOf("ent-i", other)).isEqualTo("NOT_SELECTED");
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "applications")) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> tap.records().stream().filter(r -> winner.equals(r.key())).count() >= 4);
			List<ConsumerRecord<String, byte[]>> events = tap.records()
				.stream()
				.filter(r -> winner.equals(r.key()))
				.toList();
			events.forEach(r -> EventSchemas.assertValid(EventTap.header(r, "ce_type"), r.value()));
			assertThat(events).extracting(r -> EventTap.header(r, "ce_type"))
				.containsExactly("dev.scenariohub.application.submitted.v1",
						"dev.scenariohub.application.status-changed.v1",
						"dev.scenariohub.application.status-changed.v1",
						"dev.scenariohub.application.status-changed.v1");
		}
	}

	@Test
	void aReviewStartReplayedFromTheDeadLetterTopicStillMovesTheApplicationsItMissed() {
		String scenario = openScenario(Instant.now().plus(Duration.ofDays(10)), "");
		String enterprise = register("ent-r", "STARTUP", true);
		String application = draft("ent-r", scenario, enterprise);
		as("ent-r").post().uri("/api/v1/applications/{id}/submit", application).exchange().expectStatus().isOk();
		String status = """
				{"scenarioId":"%s","programId":"p1","status":"%s","closesAt":"2026-12-01T00:00:00Z","reason":null}""";
		scenarioEvent("dev.scenariohub.scenario.closed.v1", scenario, 3, status.formatted(scenario, "CLOSED"));
		// review-started (sequence 4) failed and went to the dead-letter topic; the
		// scenario moved on
		RecordMetadata newer = scenarioEvent("dev.scenariohub.scenario.award-proposed.v1", scenario, 9,
				"""
						{"scenarioId":"%s","programId":"p1","status":"UNDER_REVIEW","applicationIds":["%s"],"standstillEndsAt":"2026-12-05T00:00:00Z",
						 "fundingEach":{"amount":"500000.00","currency":"CNY"},"computeGpuHoursEach":2000}"""
					.formatted(scenario, application));
		ConsumerGroups.awaitConsumed("enterprise-service", newer, Duration.ofSeconds(30));
		assertThat(statusOf("ent-r", application)).isEqualTo("SUBMITTED");

		// an operator replays it
		RecordMetadata replayed = scenarioEvent("dev.scenariohub.scenario.review-started.v1", scenario, 4,
				status.formatted(scenario, "UNDER_REVIEW"));
		ConsumerGroups.awaitConsumed("enterprise-service", replayed, Duration.ofSeconds(30));

		assertThat(statusOf("ent-r", application)).isEqualTo("UNDER_REVIEW");
		assertThat(this.scenarios.findById(scenario).block().sequence()).as("the read model keeps the newest")
			.isEqualTo(9);
	}

	@Test
	void aMaterialChangeAsksForReconfirmationAndAnUnconfirmedApplicationIsNotReviewed() {
		String scenario = openScenario(Instant.now().plus(Duration.ofDays(10)), "");
		String first = register("ent-k", "STARTUP", true);
		String second = register("ent-l", "STARTUP", true);
		String confirmed = draft("ent-k", scenario, first);
		String forgotten = draft("ent-l", scenario, second);
		as("ent-k").post().uri("/api/v1/applications/{id}/submit", confirmed).exchange().expectStatus().isOk();
		as("ent-l").post().uri("/api/v1/applications/{id}/submit", forgotten).exchange().expectStatus().isOk();

		String snapshot = """
				{"scenarioId":"%s","programId":"p1","title":"Drone lockers","sector":"LOW_ALTITUDE_ECONOMY","demandOwner":"Haizhu Post",
				 "description":"d","requirements":"now 8 kg","requiredCapabilities":[],"eligibleCategories":[],
				 "support":{"funding":{"amount":"500000.00","currency":"CNY"},"computeGpuHours":2000,"dataAccess":null,"pilotSite":null},
				 "maxAwards":1,"opensAt":"2026-01-01T00:00:00Z","closesAt":"%s","timeZone":"Asia/Shanghai","status":"OPEN",
				 "publishedAt":"2026-01-01T00:00:00Z"}"""
			.formatted(scenario, Instant.now().plus(Duration.ofDays(10)));
		ConsumerGroups.awaitConsumed("enterprise-service",
				scenarioEvent("dev.scenariohub.scenario.updated.v1", scenario, 3,
						"""
								{"scenarioId":"%s","status":"OPEN","material":true,"changedFields":["requirements"],"deadlineExtended":false,"scenario":%s}"""
							.formatted(scenario, snapshot)),
				Duration.ofSeconds(30));
		assertThat(statusOf("ent-k", confirmed)).isEqualTo("RECONFIRMATION_REQUIRED");
		as("ent-k").post()
			.uri("/api/v1/applications/{id}/reconfirm", confirmed)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED");

		ConsumerGroups.awaitConsumed("enterprise-service",
				scenarioEvent("dev.scenariohub.scenario.review-started.v1", scenario, 5,
						"""
								{"scenarioId":"%s","programId":"p1","status":"UNDER_REVIEW","closesAt":"2026-12-01T00:00:00Z","reason":null}"""
							.formatted(scenario)),
				Duration.ofSeconds(30));
		assertThat(statusOf("ent-k", confirmed)).isEqualTo("UNDER_REVIEW");
		assertThat(statusOf("ent-l", forgotten)).isEqualTo("NOT_SELECTED");
	}

	@Test
	void badApplicationsAreRefusedAndStoreNothing() {
		String open = openScenario(Instant.now().plus(Duration.ofDays(10)), "");
		String enterprise = register("ent-j", "STARTUP", true);
		Map<String, Object> negative = applicationBody(open, enterprise);
		negative.put("requestedFunding", Map.of("amount", "-1.00", "currency", "CNY"));
		as("ent-j").post().uri("/api/v1/applications").bodyValue(negative).exchange().expectStatus().isBadRequest();
		Map<String, Object> operator = applicationBody(open, enterprise);
		operator.put("$set", Map.of("status", "AWARDED"));
		as("ent-j").post().uri("/api/v1/applications").bodyValue(operator).exchange().expectStatus().isBadRequest();
		Map<String, Object> huge = applicationBody(open, enterprise);
		huge.put("summary", "x".repeat(5_001));
		as("ent-j").post().uri("/api/v1/applications").bodyValue(huge).exchange().expectStatus().isBadRequest();
		Map<String, Object> invisible = applicationBody(open, enterprise);
		invisible.put("summary", "\u200B\n\u2800");
		as("ent-j").post()
			.uri("/api/v1/applications")
			.bodyValue(invisible)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("summary");
		as("ent-j").get()
			.uri("/api/v1/applications?scenarioId={s}", open)
			.exchange()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
	}

}
