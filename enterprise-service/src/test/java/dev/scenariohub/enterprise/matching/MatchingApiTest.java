package dev.scenariohub.enterprise.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.scenariohub.enterprise.enterprise.CreditCodes;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.enterprise.text.Words;
import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.OpenApiContract;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class MatchingApiTest {

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KnownScenarioRepository scenarios;

	@Autowired
	ScenarioIndex scenarioIndex;

	@Autowired
	EnterpriseIndexUpdater indexUpdater;

	@Autowired
	ScenarioIndexUpdater scenarioIndexUpdater;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private String scenario(String title, List<String> capabilities) {
		return scenario(title, "LOW_ALTITUDE_ECONOMY", "Drone deliveries with lidar landing", capabilities);
	}

	private String scenario(String title, String sector, String description, List<String> capabilities) {
		String id = new ObjectId().toHexString();
		String json = """
				{"scenarioId":"%s","programId":"p1","title":"%s","sector":"%s","demandOwner":"Haizhu Post",
				 "description":"%s","requirements":"r","requiredCapabilities":%s,"eligibleCategories":[],
				 "support":{"funding":{"amount":"1.00","currency":"CNY"},"computeGpuHours":1},"maxAwards":1,
				 "opensAt":"2026-01-01T00:00:00Z","closesAt":"%s","timeZone":"Asia/Shanghai","status":"OPEN","publishedAt":"2026-01-01T00:00:00Z"}
				"""
			.formatted(id, title, sector, description, capabilities.stream().map(c -> "\"" + c + "\"").toList(),
					Instant.now().plus(Duration.ofDays(5)));
		this.publisher
			.publish("scenarios",
					List.of(new OutboxEvent(UUID.randomUUID().toString(), "dev.scenariohub.scenario.published.v1", id,
							2, Instant.now(), json)))
			.block(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.scenarios.findById(id).blockOptional().isPresent());
		// scenarios for an enterprise come from the index, which follows the scenarios'
		// events too
		await().atMost(Duration.ofSeconds(30)).until(this.scenarioIndexUpdater::ready);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scenarioIndex
				.candidates(List.of(), Set.of(), Words.of(title), "STARTUP", Instant.now(), 10_000)
				.stream()
				.anyMatch(s -> s.id().equals(id)));
		return id;
	}

	@Test
	void publishesItsOpenApiDocument() {
		OpenApiContract.publishedBody(this.web)
			.jsonPath("$.openapi")
			.value(v -> assertThat((String) v).startsWith("3.1"))
			.jsonPath("$.paths['/api/v1/applications/{id}/submit']")
			.exists()
			.jsonPath("$.paths['/api/v1/matches']")
			.exists()
			.jsonPath(BODY.formatted("/api/v1/enterprises", "post"))
			.isEqualTo("#/components/schemas/RegisterEnterprise")
			.jsonPath(BODY.formatted("/api/v1/enterprises/{id}", "patch"))
			.isEqualTo("#/components/schemas/EnterpriseChanges")
			.jsonPath(BODY.formatted("/api/v1/applications", "post"))
			.isEqualTo("#/components/schemas/CreateApplication")
			.jsonPath(BODY.formatted("/api/v1/applications/{id}", "patch"))
			.isEqualTo("#/components/schemas/ApplicationChanges")
			.jsonPath("$.components.schemas.ApplicationChanges.properties.summary")
			.exists()
			.jsonPath("$.paths['/api/v1/enterprises'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/applications'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/applications'].post.responses['200']")
			.doesNotExist();
	}

	/** Where an operation's JSON request body schema is. */
	static final String BODY = "$.paths['%s'].%s.requestBody.content['application/json'].schema['$ref']";

	@Test
	void candidatesShareACapabilityASectorOrACoreTechnologyWordAndNothingWithoutFitIsListed() {
		String tag = new ObjectId().toHexString();
		String word = "quasar" + tag.substring(18);
		String byCapability = scenario("Capability " + tag, "HEALTHCARE", "Triage", List.of("triage-" + tag));
		String byWord = scenario("Word " + tag, "HEALTHCARE", "Imaging with " + word + " sensors", List.of("x-" + tag));
		String earlier = scenario("Earlier " + tag, "BRAIN_COMPUTER_INTERFACE", "Signals", List.of("y-" + tag));
		String bySector = scenario("Sector " + tag, "BRAIN_COMPUTER_INTERFACE", "Implants", List.of("z-" + tag));
		String unrelated = scenario("Unrelated " + tag, "HEALTHCARE", "Nothing shared", List.of("w-" + tag));
		WebTestClient owner = ApiClients.as(this.web, "ent-cand-" + tag, "enterprise");
		WebTestClient officer = ApiClients.as(this.web, "demo-officer", "officer");
		String enterprise = register(owner, "Candidate Co.", List.of("triage-" + tag), List.of(word + " sensing"));
		officer.post().uri("/api/v1/enterprises/{id}/verify", enterprise).exchange().expectStatus().isOk();
		String application = (String) owner.post()
			.uri("/api/v1/applications")
			.bodyValue(Map.of("scenarioId", earlier, "enterpriseId", enterprise, "summary", "s", "technicalApproach",
					"t", "requestedFunding", Map.of("amount", "1.00", "currency", "CNY"), "requestedComputeGpuHours",
					1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		owner.post().uri("/api/v1/applications/{id}/submit", application).exchange().expectStatus().isOk();

		Map<String, List<String>> reasons = matches(owner, "enterpriseId", enterprise).stream()
			.collect(Collectors.toMap(m -> (String) m.get("scenarioId"), m -> (List<String>) m.get("reasons")));
		assertThat(reasons).containsKeys(byCapability, byWord, bySector).doesNotContainKey(unrelated);
		assertThat(reasons.get(byCapability)).contains("matches 1 of 1 required capabilities: triage-" + tag);
		assertThat(reasons.get(byWord)).contains("core technologies mentioned in the scenario: " + word);
		assertThat(reasons.get(bySector)).contains("has applied in this sector before");

		// enterprises for a scenario come from the index, which follows the enterprises'
		// events
		await().atMost(Duration.ofSeconds(30)).until(this.indexUpdater::ready);
		for (String scenario : List.of(byCapability, byWord, bySector)) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(matches(officer, "scenarioId", scenario)).as("enterprises for %s", scenario)
							.extracting(m -> m.get("enterpriseId"))
							.contains(enterprise));
		}
		assertThat(matches(officer, "scenarioId", unrelated)).extracting(m -> m.get("enterpriseId"))
			.doesNotContain(enterprise);
	}

	@Test
	void anEnterpriseSentBackToVerificationLeavesTheMatchesOfScenarios() {
		String tag = new ObjectId().toHexString();
		String scenario = scenario("Leaving " + tag, List.of("leave-" + tag));
		WebTestClient owner = ApiClients.as(this.web, "ent-leave-" + tag, "enterprise");
		WebTestClient officer = ApiClients.as(this.web, "demo-officer", "officer");
		String enterprise = register(owner, "Leaving Co.", List.of("leave-" + tag), List.of());
		assertThat(matches(officer, "scenarioId", scenario)).as("not verified yet").isEmpty();
		String etag = officer.post()
			.uri("/api/v1/enterprises/{id}/verify", enterprise)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(matches(officer, "scenarioId", scenario)).singleElement()
				.satisfies(m -> assertThat(m.get("enterpriseId")).isEqualTo(enterprise))
				.satisfies(m -> assertThat(m.get("score")).isEqualTo(60.0)));

		owner.patch()
			.uri("/api/v1/enterprises/{id}", enterprise)
			.header("If-Match", etag)
			.bodyValue(Map.of("category", "LEADING"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(matches(officer, "scenarioId", scenario)).isEmpty());
	}

	/** Registers a start-up (not verified yet) and answers its id. */
	private static String register(WebTestClient owner, String name, List<String> capabilities,
			List<String> coreTechnologies) {
		return (String) owner.post()
			.uri("/api/v1/enterprises")
			.bodyValue(Map.of("name", name, "creditCode", CreditCodes.fresh(), "category", "STARTUP", "district",
					"Haizhu", "capabilities", capabilities, "coreTechnologies", coreTechnologies, "contact",
					Map.of("name", "Chen", "email", "chen@example.com")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> matches(WebTestClient client, String by, String id) {
		return client.get()
			.uri("/api/v1/matches?" + by + "={id}&limit=100", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void openScenariosAreRankedByFitWithReasons() {
		String good = scenario("Drone lockers " + UUID.randomUUID(), List.of("drone-navigation", "lidar-mapping"));
		String poor = scenario("Signal priority " + UUID.randomUUID(), List.of("v2x"));
		WebTestClient owner = ApiClients.as(this.web, "ent-match", "enterprise");
		Map<?, ?> enterprise = owner.post()
			.uri("/api/v1/enterprises")
			.bodyValue(
					Map.of("name", "Sky Courier", "creditCode", "91440101MA59UT2X6L", "category", "STARTUP", "district",
							"Haizhu", "capabilities", List.of("drone-navigation", "lidar-mapping"), "coreTechnologies",
							List.of("lidar"), "contact", Map.of("name", "Chen", "email", "chen@example.com")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		List<?> matches = owner.get()
			.uri("/api/v1/matches?enterpriseId={id}&limit=100", enterprise.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		List<String> order = matches.stream().map(m -> (String) ((Map<?, ?>) m).get("scenarioId")).toList();
		assertThat(order.indexOf(good)).isLessThan(order.indexOf(poor));
		Map<?, ?> best = (Map<?, ?>) matches.get(order.indexOf(good));
		assertThat((List<Object>) best.get("reasons"))
			.contains((Object) "matches 2 of 2 required capabilities: drone-navigation, lidar-mapping");

		ApiClients.as(this.web, "ent-other", "enterprise")
			.get()
			.uri("/api/v1/matches?enterpriseId={id}", enterprise.get("id"))
			.exchange()
			.expectStatus()
			.isNotFound();
		owner.get().uri("/api/v1/matches?scenarioId={id}", good).exchange().expectStatus().isForbidden();
		ApiClients.as(this.web, "demo-officer", "officer")
			.get()
			.uri("/api/v1/matches?scenarioId={id}", good)
			.exchange()
			.expectStatus()
			.isOk();
		owner.get().uri("/api/v1/matches").exchange().expectStatus().isBadRequest();
	}

}
