package dev.scenariohub.scenario.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.OpenApiContract;
import dev.scenariohub.platform.test.SharedInfrastructure;
import dev.scenariohub.scenario.Fixtures;
import dev.scenariohub.scenario.ScenarioServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioServiceIntegrationTest
class ScenarioApiTest {

	WebTestClient web;

	Fixtures fixtures;

	String programId;

	@Autowired
	void bind(ApplicationContext context, Clock clock) {
		this.web = ApiClients.anonymous(context);
		this.fixtures = new Fixtures(this.web, clock);
	}

	@BeforeEach
	void program() {
		this.programId = this.fixtures.program("10000000.00", 100_000);
	}

	@Autowired
	ScenarioRepository scenarios;

	@Autowired
	ReactiveMongoTemplate mongo;

	private WebTestClient as(String sub, String role) {
		return ApiClients.as(this.web, sub, role);
	}

	private WebTestClient officer() {
		return as("demo-officer", "officer");
	}

	Map<String, Object> validScenario() {
		return this.fixtures.scenarioBody(this.programId);
	}

	private ScenarioView create(Map<String, Object> body) {
		return officer().post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/api/v1/scenarios/[0-9a-f]{24}")
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody(ScenarioView.class)
			.returnResult()
			.getResponseBody();
	}

	private long count() {
		return this.mongo.count(new Query(), ScenarioRepository.COLLECTION).block();
	}

	@Test
	void anOfficerCreatesADraftAndPublishesItAsAValidCloudEvent() {
		ScenarioView draft = create(validScenario());
		assertThat(draft.status()).isEqualTo(ScenarioStatus.DRAFT);
		assertThat(draft.support().funding().amount()).isEqualTo("500000.00");
		officer().get()
			.uri("/api/v1/scenarios/{id}", draft.id())
			.exchange()
			.expectBody()
			.jsonPath("$.opensAt")
			.value(opensAt -> assertThat((String) opensAt).as("shown in the scenario's zone").endsWith("+08:00"));

		this.web.get().uri("/api/v1/scenarios/{id}", draft.id()).exchange().expectStatus().isNotFound();

		ScenarioView open = officer().post()
			.uri("/api/v1/scenarios/{id}/publish", draft.id())
			.header("If-Match", "\"1\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody(ScenarioView.class)
			.returnResult()
			.getResponseBody();
		assertThat(open.status()).isEqualTo(ScenarioStatus.OPEN);

		this.web.get()
			.uri("/api/v1/scenarios/{id}", draft.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN");

		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			ConsumerRecord<String, byte[]> record = tap.awaitRecord(
					EventTap.event("dev.scenariohub.scenario.published.v1", draft.id()), Duration.ofSeconds(20));
			assertThat(record.key()).isEqualTo(draft.id());
			assertThat(EventTap.header(record, "ce_source")).isEqualTo("/scenario-service");
			assertThat(EventTap.header(record, "ce_sequence")).isEqualTo("0000000000000000002");
			EventSchemas.assertValid("dev.scenariohub.scenario.published.v1", record.value());
		}
	}

	@Test
	void publishingTwiceIsAConflictNamingTheCurrentStatus() {
		ScenarioView draft = create(validScenario());
		officer().post().uri("/api/v1/scenarios/{id}/publish", draft.id()).exchange().expectStatus().isOk();

		officer().post()
			.uri("/api/v1/scenarios/{id}/publish", draft.id())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/illegal-transition")
			.jsonPath("$.currentStatus")
			.isEqualTo("OPEN")
			.jsonPath("$.detail")
			.isEqualTo("cannot publish this scenario while it is OPEN (it must be DRAFT)");
	}

	@Test
	void aTitleWithoutVisibleTextOrWithControlCharactersIsRefused() {
		long before = count();
		for (String title : List.of("\u200B\u2800", " \u3164 ", "Seam\u0000inspection", "Two\nlines",
				"\u202Egnitsil dilav")) {
			var body = new HashMap<>(validScenario());
			body.put("title", title);
			expectBadRequest(body).jsonPath("$.errors[0].field").isEqualTo("title");
		}
		var invisibleCriterion = new HashMap<>(validScenario());
		invisibleCriterion.put("rubric", List.of(Map.of("key", "fit", "name", "\u200B", "weight", 100)));
		expectBadRequest(invisibleCriterion).jsonPath("$.errors[0].field").isEqualTo("rubric[0].name");
		assertThat(count()).isEqualTo(before);

		ScenarioView draft = create(validScenario());
		officer().patch()
			.uri("/api/v1/scenarios/{id}", draft.id())
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "  "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title");
		officer().get()
			.uri("/api/v1/scenarios/{id}", draft.id())
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo(draft.title());
	}

	@Test
	void aStaleIfMatchIsRefusedWith412() {
		ScenarioView draft = create(validScenario());
		officer().post()
			.uri("/api/v1/scenarios/{id}/publish", draft.id())
			.header("If-Match", "\"7\"")
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(1);
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstScenario() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = validScenario();
		long before = count();
		ScenarioView first = officer().post()
			.uri("/api/v1/scenarios")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ScenarioView.class)
			.returnResult()
			.getResponseBody();
		ScenarioView retried = officer().post()
			.uri("/api/v1/scenarios")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/v1/scenarios/" + first.id())
			.expectBody(ScenarioView.class)
			.returnResult()
			.getResponseBody();
		assertThat(retried.id()).isEqualTo(first.id());
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void badInputGetsAProblemDocumentAndStoresNothing() {
		long before = count();
		var unknownSector = new HashMap<>(validScenario());
		unknownSector.put("sector", "SPACE_MINING");
		expectBadRequest(unknownSector).jsonPath("$.errors[0].field").isEqualTo("sector");

		var operatorKey = new HashMap<>(validScenario());
		operatorKey.put("$where", "sleep(1000)");
		expectBadRequest(operatorKey).jsonPath("$.detail").value(d -> assertThat((String) d).contains("$where"));

		var window = new HashMap<>(validScenario());
		window.put("closesAt", OffsetDateTime.parse((String) window.get("opensAt")).minusDays(5).toString());
		expectBadRequest(window).jsonPath("$.errors[0].field").isEqualTo("closesAt");

		var negative = new HashMap<>(validScenario());
		negative.put("support", Map.of("funding", Map.of("amount", "-5.00", "currency", "CNY"), "computeGpuHours", 1));
		expectBadRequest(negative).jsonPath("$.errors[0].field").isEqualTo("support.funding.amount");

		var tooLong = new HashMap<>(validScenario());
		tooLong.put("title", "x".repeat(201));
		expectBadRequest(tooLong).jsonPath("$.errors[0].field").isEqualTo("title");

		officer().post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": \"" + "x".repeat(300_000) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/body-too-large")
			.jsonPath("$.title")
			.isEqualTo("Body too large");
		officer().post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("title=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/unsupported-media-type")
			.jsonPath("$.detail")
			.exists();

		var weights = new HashMap<>(validScenario());
		weights.put("rubric", List.of(Map.of("key", "feasibility", "name", "Feasibility", "weight", 70)));
		expectBadRequest(weights).jsonPath("$.errors[0].field").isEqualTo("rubric");

		var noProgram = new HashMap<>(validScenario());
		noProgram.put("programId", "0123456789abcdef01234567");
		expectBadRequest(noProgram).jsonPath("$.errors[0].field").isEqualTo("programId");

		officer().get().uri("/api/v1/scenarios/not-an-id").exchange().expectStatus().isBadRequest();
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void publishesItsOpenApiDocument() {
		OpenApiContract.publishedBody(this.web)
			.jsonPath("$.openapi")
			.value(v -> assertThat((String) v).startsWith("3.1"))
			.jsonPath("$.paths['/api/v1/scenarios']")
			.exists()
			.jsonPath("$.paths['/api/v1/scenarios/{id}/award']")
			.exists();
	}

	@Test
	void everyRequestBodyIsDocumentedWithItsOwnSchema() {
		String body = "$.paths['%s'].%s.requestBody.content['application/json'].schema['$ref']";
		OpenApiContract.publishedBody(this.web)
			.jsonPath(body.formatted("/api/v1/programs", "post"))
			.isEqualTo("#/components/schemas/CreateProgram")
			.jsonPath(body.formatted("/api/v1/programs/{id}", "patch"))
			.isEqualTo("#/components/schemas/ProgramChanges")
			.jsonPath(body.formatted("/api/v1/scenarios", "post"))
			.isEqualTo("#/components/schemas/CreateScenario")
			.jsonPath(body.formatted("/api/v1/scenarios/{id}", "patch"))
			.isEqualTo("#/components/schemas/ScenarioChanges")
			.jsonPath("$.components.schemas.CreateProgram.properties.authority")
			.exists()
			.jsonPath("$.components.schemas.CreateProgram.properties.programId")
			.doesNotExist()
			.jsonPath("$.components.schemas.CreateScenario.properties.programId")
			.exists()
			.jsonPath("$.components.schemas.CompleteRequest")
			.doesNotExist()
			.jsonPath("$.paths['/api/v1/programs'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/programs'].post.responses['200']")
			.doesNotExist()
			.jsonPath("$.paths['/api/v1/scenarios'].post.responses['201']")
			.exists();
	}

	@Test
	void onlyOfficersCreateScenarios() {
		this.web.post().uri("/api/v1/scenarios").bodyValue(validScenario()).exchange().expectStatus().isUnauthorized();
		as("demo-enterprise-1", "enterprise").post()
			.uri("/api/v1/scenarios")
			.bodyValue(validScenario())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.BodyContentSpec expectBadRequest(Object body) {
		return officer().post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

}
