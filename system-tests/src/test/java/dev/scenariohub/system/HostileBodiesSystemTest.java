package dev.scenariohub.system;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.scenariohub.bench.Api;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of create and update bodies through the gateway (enterprises,
 * scenarios and their changes, programs, applications, subscriptions, webhooks,
 * notification preferences): valid bodies with fields replaced by hostile values (wrong
 * types, huge and odd strings, deep nesting, operator-looking keys), random JSON and text
 * that is not JSON. Whatever comes in, the answer is never a 5xx, a refusal is a problem
 * document, and a refused request writes nothing.
 */
class HostileBodiesSystemTest {

	private static String officer;

	private static String enterprise;

	private static String program;

	private static String subscriber;

	private static String enterpriseId;

	private static String openScenario;

	private static MongoClient store;

	/** An enterprise of the fuzzing user whose details are changed (and only that). */
	private static String changedEnterprise;

	/**
	 * A DRAFT application of the fuzzing user, to another scenario than the one applied
	 * to.
	 */
	private static String draftApplication;

	private static String reviewer;

	@BeforeContainer
	static void prepare() {
		officer = Stack.token("demo-officer");
		enterprise = Stack.token("demo-enterprise-2");
		// other tests are told things as this user too (TracingSystemTest): what the
		// tries create for it is deleted again and its preferences are put back
		subscriber = Stack.token("demo-admin");
		program = Journeys.program(officer, "Hostile bodies");
		store = MongoClients.create(Stack.get().effectiveMongoUri());
		Stack.Response registered = Journeys.expect(201,
				Stack.call("POST", "/api/v1/enterprises", enterprise,
						Map.of("name", "Fuzzing applicant", "creditCode", ApplyAndReviewSystemTest.freshCreditCode(),
								"category", "STARTUP", "district", "Haizhu", "capabilities", List.of("fuzzing"),
								"contact", Map.of("name", "Fuzz", "email", "fuzz@example.com")),
						Map.of()));
		enterpriseId = registered.json().get("id").asString();
		Journeys.expect(200, Stack.call("POST", "/api/v1/enterprises/" + enterpriseId + "/verify", officer, null,
				Map.of("If-Match", registered.etag())));
		openScenario = Journeys.draftScenario(officer, program, "Fuzzed applications", "fuzzing");
		Stack.Response draft = Journeys.expect(200,
				Stack.call("GET", "/api/v1/scenarios/" + openScenario, officer, null, Map.of()));
		Journeys.expect(200, Stack.call("POST", "/api/v1/scenarios/" + openScenario + "/publish", officer, null,
				Map.of("If-Match", draft.etag())));
		changedEnterprise = Journeys.created(Stack.call("POST", "/api/v1/enterprises", enterprise,
				Map.of("name", "Fuzzed details", "creditCode", ApplyAndReviewSystemTest.freshCreditCode(), "category",
						"STARTUP", "district", "Haizhu", "capabilities", List.of("fuzzing"), "contact",
						Map.of("name", "Fuzz", "email", "fuzz@example.com")),
				Map.of()));
		String otherScenario = Journeys.draftScenario(officer, program, "Fuzzed drafts", "fuzzing");
		Journeys.expect(200,
				Stack.call("POST", "/api/v1/scenarios/" + otherScenario + "/publish", officer, null, Map.of()));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> Stack
				.call("GET", "/api/v1/matches/open-scenarios/" + otherScenario, enterprise, null, Map.of())
				.status() == 200);
		draftApplication = Journeys.created(Stack.call("POST", "/api/v1/applications", enterprise,
				Map.of("scenarioId", otherScenario, "enterpriseId", enterpriseId, "summary", "A draft to fuzz",
						"requestedFunding", Map.of("amount", "10.00", "currency", "CNY"), "requestedComputeGpuHours",
						1),
				Map.of()));
		// other tests are told things as this reviewer, never assigned by its
		// affiliations;
		// what a try declares is put back after it
		reviewer = Stack.token("demo-reviewer-3");
	}

	@AfterContainer
	static void close() {
		store.close();
	}

	private static long count(String database, String collection) {
		return store.getDatabase(database).getCollection(collection).countDocuments();
	}

	/** The request went through whole or not at all, and never as a server error. */
	private static void assertWholeOrNothing(Stack.Response response, long before, long after) {
		// the report shows how many tries were accepted: a body template that no longer
		// fits its endpoint would leave only refusals
		Statistics.collect(response.status() / 100 + "xx");
		assertThat(response.status()).as(response.body()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
			assertThat(after).as("a refused request wrote nothing").isEqualTo(before);
		}
		else {
			assertThat(after).isEqualTo(before + 1);
		}
	}

	@Property(tries = 25)
	void registeringAnEnterpriseWithAnyBody(@ForAll("enterpriseBodies") String body) {
		long before = count("enterprise-service", "enterprises");
		Stack.Response response = Stack.call("POST", "/api/v1/enterprises", enterprise, body, Map.of());
		assertWholeOrNothing(response, before, count("enterprise-service", "enterprises"));
	}

	@Property(tries = 50)
	void creatingAScenarioWithAnyBody(@ForAll("scenarioBodies") String body) {
		long before = count("scenario-service", "scenarios");
		Stack.Response response = Stack.call("POST", "/api/v1/scenarios", officer, body, Map.of());
		assertWholeOrNothing(response, before, count("scenario-service", "scenarios"));
	}

	@Property(tries = 25)
	void changingADraftScenarioWithAnyBody(@ForAll("scenarioChanges") String body) {
		String id = Journeys.draftScenario(officer, program, "Fuzzed draft", "fuzzing");
		assertChangedWholeOrNotAtAll(officer, "/api/v1/scenarios/" + id, "PATCH", body);
	}

	@Property(tries = 25)
	void creatingAProgramWithAnyBody(@ForAll("programBodies") String body) {
		long before = count("scenario-service", "programs");
		Stack.Response response = Stack.call("POST", "/api/v1/programs", officer, body, Map.of());
		assertWholeOrNothing(response, before, count("scenario-service", "programs"));
	}

	@Property(tries = 25)
	void applyingWithAnyBody(@ForAll("applicationBodies") String body) {
		long before = count("enterprise-service", "applications");
		Stack.Response response = Stack.call("POST", "/api/v1/applications", enterprise, body, Map.of());
		assertWholeOrNothing(response, before, count("enterprise-service", "applications"));
	}

	@Property(tries = 25)
	void subscribingWithAnyBody(@ForAll("subscriptionBodies") String body) {
		long before = count("notification-service", "subscriptions");
		Stack.Response response = Stack.call("POST", "/api/v1/subscriptions", subscriber, body, Map.of());
		assertWholeOrNothing(response, before, count("notification-service", "subscriptions"));
		deleteCreated(response, "/api/v1/subscriptions/");
	}

	@Property(tries = 25)
	void registeringAWebhookWithAnyBody(@ForAll("webhookBodies") String body) {
		long before = count("notification-service", "webhooks");
		Stack.Response response = Stack.call("POST", "/api/v1/webhooks", subscriber, body, Map.of());
		assertWholeOrNothing(response, before, count("notification-service", "webhooks"));
		deleteCreated(response, "/api/v1/webhooks/");
	}

	/** Keeps the user below its caps, so that every try is judged on its body. */
	private static void deleteCreated(Stack.Response response, String path) {
		if (response.status() == 201) {
			Journeys.expect(204,
					Stack.call("DELETE", path + response.json().get("id").asString(), subscriber, null, Map.of()));
		}
	}

	@Property(tries = 25)
	void changingAnEnterpriseWithAnyBody(@ForAll("enterpriseChanges") String body) {
		assertChangedWholeOrNotAtAll(enterprise, "/api/v1/enterprises/" + changedEnterprise, "PATCH", body);
	}

	@Property(tries = 25)
	void changingADraftApplicationWithAnyBody(@ForAll("applicationChanges") String body) {
		assertChangedWholeOrNotAtAll(enterprise, "/api/v1/applications/" + draftApplication, "PATCH", body);
	}

	@Property(tries = 25)
	void declaringAffiliationsWithAnyBody(@ForAll("affiliationBodies") String body) {
		String path = "/api/v1/reviewers/me/affiliations";
		JsonNode declared = Journeys.expect(200, Stack.call("GET", path, reviewer, null, Map.of())).json();
		try {
			assertChangedWholeOrNotAtAll(reviewer, path, "PUT", body);
		}
		finally {
			Journeys.expect(200, Stack.call("PUT", path, reviewer,
					Map.of("enterpriseIds", declared.get("enterpriseIds"), "creditCodes", declared.get("creditCodes")),
					Map.of()));
		}
	}

	/**
	 * A change of an existing resource, with the version just read: never a 5xx, and a
	 * refusal is a problem document and leaves the resource as it was, byte for byte.
	 */
	private static void assertChangedWholeOrNotAtAll(String token, String path, String method, String body) {
		assertChangedWholeOrNotAtAll(token, path, method, path, body);
	}

	/** The same, for an action on {@code path} sent to {@code action}. */
	private static void assertChangedWholeOrNotAtAll(String token, String path, String method, String action,
			String body) {
		Stack.Response before = Journeys.expect(200, Stack.call("GET", path, token, null, Map.of()));
		Map<String, String> headers = before.etag() == null ? Map.of() : Map.of("If-Match", before.etag());
		Stack.Response response = Stack.call(method, action, token, body, headers);
		Statistics.collect(response.status() / 100 + "xx");
		assertThat(response.status()).as(response.body()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
			assertThat(Stack.call("GET", path, token, null, Map.of()).body()).as("a refused change changed nothing")
				.isEqualTo(before.body());
		}
	}

	@Property(tries = 10)
	void rejectingAnEnterpriseWithAnyBody(@ForAll("reasonBodies") String body) {
		String id = registered(ApplyAndReviewSystemTest.freshCreditCode(), false);
		assertChangedWholeOrNotAtAll(officer, "/api/v1/enterprises/" + id, "POST",
				"/api/v1/enterprises/" + id + "/reject", body);
	}

	@Property(tries = 10)
	void overridingACreditCodeWithAnyBody(@ForAll("reasonBodies") String body) {
		String valid = ApplyAndReviewSystemTest.freshCreditCode();
		// the same code with another check character: its checksum fails
		String failing = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		String id = registered(failing, true);
		assertChangedWholeOrNotAtAll(officer, "/api/v1/enterprises/" + id, "POST",
				"/api/v1/enterprises/" + id + "/credit-code-override", body);
	}

	@Property(tries = 10)
	void addingAMemberWithAnyBody(@ForAll("memberBodies") String body) {
		assertChangedWholeOrNotAtAll(enterprise, "/api/v1/enterprises/" + changedEnterprise, "POST",
				"/api/v1/enterprises/" + changedEnterprise + "/members", body);
	}

	/** A PENDING enterprise of the fuzzing user. */
	private static String registered(String creditCode, boolean checksumFails) {
		return Journeys.created(Stack.call("POST", "/api/v1/enterprises", enterprise,
				Map.of("name", "Fuzzed decision", "creditCode", creditCode, "creditCodeChecksumFails", checksumFails,
						"category", "STARTUP", "district", "Haizhu", "capabilities", List.of("fuzzing"), "contact",
						Map.of("name", "Fuzz", "email", "fuzz@example.com")),
				Map.of()));
	}

	@Provide
	Arbitrary<String> reasonBodies() {
		return HostileJson.bodies(() -> HostileJson.body("reason", "Confirmed with the registry by phone"));
	}

	@Provide
	Arbitrary<String> memberBodies() {
		return HostileJson.bodies(() -> HostileJson.body("sub", "fuzzed-member"));
	}

	@Property(tries = 25)
	void settingPreferencesWithAnyBody(@ForAll("preferenceBodies") String body) {
		MongoCollection<Document> preferences = store.getDatabase("notification-service")
			.getCollection("notification-preferences");
		Document stored = preferences.find(Filters.eq("_id", Api.subjectOf(subscriber))).first();
		String before = Journeys
			.expect(200, Stack.call("GET", "/api/v1/notification-preferences", subscriber, null, Map.of()))
			.body();
		try {
			Stack.Response response = Stack.call("PUT", "/api/v1/notification-preferences", subscriber, body, Map.of());
			assertThat(response.status()).as(response.body()).isBetween(200, 499);
			if (response.status() >= 400) {
				assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
				assertThat(Stack.call("GET", "/api/v1/notification-preferences", subscriber, null, Map.of()).body())
					.as("refused preferences changed nothing")
					.isEqualTo(before);
			}
		}
		finally {
			// other tests are told things as this user: its preferences go back to
			// what they were
			if (stored == null) {
				preferences.deleteOne(Filters.eq("_id", Api.subjectOf(subscriber)));
			}
			else {
				preferences.replaceOne(Filters.eq("_id", stored.get("_id")), stored, new ReplaceOptions().upsert(true));
			}
		}
	}

	@Provide
	Arbitrary<String> programBodies() {
		return HostileJson.bodies(() -> HostileJson.body("name", "Fuzzed program", "authority", "Fuzz bureau",
				"startsOn", "2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
				Map.of("amount", "1000.00", "currency", "CNY"), "computeBudget", 10));
	}

	@Provide
	Arbitrary<String> applicationBodies() {
		return HostileJson.bodies(() -> HostileJson.body("scenarioId", openScenario, "enterpriseId", enterpriseId,
				"summary", "We find defects", "technicalApproach", "Vision models at the line", "team",
				"Three engineers", "milestones", List.of(Map.of("title", "Pilot", "dueOn", "2027-03-01")),
				"requestedFunding", Map.of("amount", "10.00", "currency", "CNY"), "requestedComputeGpuHours", 1));
	}

	@Provide
	Arbitrary<String> subscriptionBodies() {
		return HostileJson
			.bodies(() -> HostileJson.body("sectors", List.of("OTHER"), "capabilities", List.of("fuzzing")));
	}

	@Provide
	Arbitrary<String> webhookBodies() {
		return HostileJson.bodies(() -> HostileJson.body("url", "http://127.0.0.1:9/fuzzed", "eventTypes",
				List.of("dev.scenariohub.scenario.published.v1")));
	}

	@Provide
	Arbitrary<String> preferenceBodies() {
		return HostileJson.bodies(() -> HostileJson.body("locale", "en", "email", "fuzz@example.com", "channels",
				Map.of("SCENARIO", List.of("INBOX"))));
	}

	@Provide
	Arbitrary<String> enterpriseBodies() {
		return HostileJson.bodies(() -> HostileJson.body("name", "Fuzzed enterprise", "creditCode",
				ApplyAndReviewSystemTest.freshCreditCode(), "category", "STARTUP", "district", "Haizhu", "capabilities",
				List.of("computer-vision"), "coreTechnologies", List.of("defect detection"), "contact",
				Map.of("name", "Fuzz", "email", "fuzz@example.com")));
	}

	@Provide
	Arbitrary<String> scenarioBodies() {
		return HostileJson.bodies(() -> {
			OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("programId", program);
			body.put("title", "Fuzzed scenario");
			body.put("sector", "OTHER");
			body.put("demandOwner", "Fuzz works");
			body.put("description", "Something to pilot");
			body.put("requiredCapabilities", List.of("fuzzing"));
			body.put("support", Map.of("funding", Map.of("amount", "10.00", "currency", "CNY"), "computeGpuHours", 1));
			body.put("maxAwards", 1);
			body.put("opensAt", opens.toString());
			body.put("closesAt", opens.plusDays(10).toString());
			body.put("rubric", List.of(Map.of("key", "fit", "name", "Fit", "weight", 100, "anchors",
					List.of("0", "1", "2", "3", "4", "5"))));
			return body;
		});
	}

	@Provide
	Arbitrary<String> enterpriseChanges() {
		return HostileJson.bodies(() -> HostileJson.body("name", "Renamed by fuzzing", "district", "Tianhe",
				"capabilities", List.of("fuzzing", "robustness"), "coreTechnologies", List.of("property-based testing"),
				"contact", Map.of("name", "Fuzz", "email", "fuzz@example.com", "phone", "+86 20 1234 5678")));
	}

	@Provide
	Arbitrary<String> applicationChanges() {
		return HostileJson.bodies(() -> HostileJson.body("summary", "A changed draft", "technicalApproach",
				"Vision models at the line", "team", "Four engineers", "milestones",
				List.of(Map.of("title", "Pilot", "dueOn", "2027-03-01")), "requestedFunding",
				Map.of("amount", "20.00", "currency", "CNY"), "requestedComputeGpuHours", 2));
	}

	@Provide
	Arbitrary<String> affiliationBodies() {
		return HostileJson.bodies(() -> HostileJson.body("enterpriseIds", List.of("0123456789abcdef01234567"),
				"creditCodes", List.of(ApplyAndReviewSystemTest.freshCreditCode())));
	}

	@Provide
	Arbitrary<String> scenarioChanges() {
		return HostileJson.bodies(() -> HostileJson.body("title", "Changed title", "maxAwards", 2,
				"requiredCapabilities", List.of("fuzzing", "robustness")));
	}

}
