package dev.scenariohub.console;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.scenariohub.console.signin.SignInConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * The officer's desk and the reviewer's assignment, against a stand-in for the gateway:
 * what each page shows from the API, what each form sends (with the version seen, as
 * If-Match), and how a refusal comes back: beside its field, or, for a change someone
 * else made first, with the offer to reload.
 */
@SpringBootTest(properties = "console.issuer-uri=http://issuer.test")
@AutoConfigureWebTestClient(timeout = "30s")
class OfficerAndReviewerTest {

	static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

	static final DisposableServer GATEWAY = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/api/v1/programs", json("""
				{"items": [{"id": "p1", "name": "Haizhu AI+ 2026", "authority": "Haizhu Bureau",
				  "fundingBudget": {"total": {"amount": "1000000.00", "currency": "CNY"},
				    "reserved": {"amount": "250000.00", "currency": "CNY"},
				    "remaining": {"amount": "750000.00", "currency": "CNY"}},
				  "computeBudget": {"total": 1000, "reserved": 100, "remaining": 900}}]}
				"""))
			.get("/api/v1/scenarios", json("""
					{"items": [{"id": "s1", "title": "Drone deliveries", "status": "DRAFT"},
					  {"id": "s2", "title": "\\u200B\\u2800\\u202E ", "status": "DRAFT"}]}
					"""))
			.get("/api/v1/enterprises", json("""
					{"items": [{"id": "e1", "name": "Pazhou Drones", "category": "STARTUP", "district": "Haizhu",
					  "creditCode": "91440101MA5CYUF219", "status": "PENDING", "version": 2}]}
					"""))
			.post("/api/v1/enterprises/e1/verify", json("{\"id\": \"e1\", \"status\": \"VERIFIED\"}"))
			.get("/api/v1/scenarios/s1",
					json("""
							{"id": "s1", "title": "Drone deliveries", "status": "DRAFT", "version": 3, "sector": "LOW_ALTITUDE_ECONOMY",
							 "opensAt": "2026-12-01T01:00:00Z", "closesAt": "2026-12-21T01:00:00Z", "timeZone": "Asia/Shanghai",
							 "maxAwards": 1, "support": {"funding": {"amount": "100000.00", "currency": "CNY"}, "computeGpuHours": 10},
							 "rubric": [{"key": "fit", "name": "Technical fit", "weight": 100, "anchors": []}]}
							"""))
			.get("/api/v1/applications", json("""
					{"items": [{"id": "a1", "summary": "Routes over Pazhou", "status": "SUBMITTED",
					  "requestedFunding": {"amount": "90000.00", "currency": "CNY"}}]}
					"""))
			.get("/api/v1/scenarios/s1/review-assignments", json("[]"))
			.get("/api/v1/scenarios/s1/ranking", json("[]"))
			.get("/api/v1/scenarios/s1/outcome",
					json("""
							{"scenarioId": "s1", "award": {"applicationIds": ["a1"], "status": "PROPOSED",
							   "proposedAt": "2026-11-29T01:00:00Z", "standstillEndsAt": "2026-12-02T01:00:00Z"},
							 "objections": [{"objectionId": "o1", "applicationId": "a2", "lodgedBy": "demo-enterprise-2",
							   "reason": "Our score was added up wrongly", "status": "LODGED", "lodgedAt": "2026-11-29T02:00:00Z"}],
							 "milestones": []}
							"""))
			.post("/api/v1/objections/o1/dismiss", json("{\"objectionId\": \"o1\", \"status\": \"DISMISSED\"}"))
			.post("/api/v1/scenarios/s1/milestones", json("{\"milestoneId\": \"m1\"}"))
			.get("/api/v1/scenarios/s1/history", json("""
					[{"type": "dev.scenariohub.scenario.created.v1", "actor": "demo-officer",
					  "time": "2026-11-29T01:00:00Z", "sequence": 1}]
					"""))
			.post("/api/v1/scenarios/s1/publish",
					(request, response) -> problem(request, response, 412, "Precondition failed",
							"The scenario is at version 4, not 3"))
			.post("/api/v1/scenarios",
					(request, response) -> problem(request, response, 400, "Invalid request",
							"The request has 1 invalid field(s)",
							"[{\"field\": \"rubric[0].weight\", \"message\": \"must be a number from 1 to 100\"}]"))
			.get("/api/v1/reviews/assignments",
					json("""
							[{"assignmentId": "r1", "scenarioId": "s1", "scenarioTitle": "Drone deliveries", "status": "ASSIGNED",
							  "proposal": {"summary": "Routes over Pazhou", "requestedFunding": {"amount": "90000.00", "currency": "CNY"},
							    "requestedComputeGpuHours": 8},
							  "rubric": [{"key": "fit", "name": "Technical fit", "weight": 100,
							    "anchors": ["None", "Weak", "Partial", "Good", "Strong", "Complete"]}]}]
							"""))
			.get("/api/v1/reviewers/me/affiliations", json("""
					{"reviewer": "demo-reviewer-1", "creditCodes": ["91440101MA5CYUF219"], "enterpriseIds": [],
					 "declaredAt": "2026-11-28T01:00:00Z"}
					"""))
			.put("/api/v1/reviewers/me/affiliations", json("{}"))
			.post("/api/v1/reviews/assignments/r1/scores",
					json("{\"assignmentId\": \"r1\", \"status\": \"SUBMITTED\"}")))
		.bindNow();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("console.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.port());
	}

	@AfterAll
	static void stop() {
		GATEWAY.disposeNow();
	}

	@Autowired
	WebTestClient browser;

	@Autowired
	ReactiveClientRegistrationRepository registrations;

	@BeforeEach
	void forget() {
		CALLS.clear();
	}

	@Test
	void theDeskShowsPoolsScenariosAndTheEnterprisesWaitingForVerification() {
		String html = as("demo-officer", "officer").get()
			.uri("/workspace/desk")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("Haizhu AI+ 2026", "¥1,000,000.00 / ¥250,000.00 / ¥750,000.00", "1000 / 100 / 900",
				"href=\"/workspace/desk/scenarios/s1\">Drone deliveries</a>", "Pazhou Drones",
				"action=\"/workspace/desk/enterprises/e1/verify\"", "name=\"version\" value=\"2\"");
		// a title stored before titles had to be visible still gets a link one can read
		assertThat(html).contains("href=\"/workspace/desk/scenarios/s2\">Untitled</a>");
		assertThat(CALLS).contains("GET /api/v1/enterprises?limit=50&status=PENDING Bearer access-token if-match=null");
	}

	@Test
	void verifyingAnEnterpriseSendsTheVersionTheOfficerSaw() {
		as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/enterprises/e1/verify")
			.body(BodyInserters.fromFormData("version", "2"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/desk");
		assertThat(CALLS).containsExactly("POST /api/v1/enterprises/e1/verify Bearer access-token if-match=\"2\" ");
	}

	@Test
	void aChangeSomeoneElseMadeFirstIsRefusedAndOfferedForReload() {
		String html = as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios/s1/publish")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.body(BodyInserters.fromFormData("version", "3"))
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CALLS).first().isEqualTo("POST /api/v1/scenarios/s1/publish Bearer access-token if-match=\"3\" ");
		assertThat(html).contains("Precondition failed", "The scenario is at version 4, not 3",
				"Someone else changed this since you opened the page",
				"<a href=\"/workspace/desk/scenarios/s1\">Reload it to see the change, then try again</a>");
		assertThat(html.indexOf("role=\"alert\"")).as("shown beside the lifecycle actions")
			.isGreaterThan(html.indexOf("id=\"lifecycle-heading\""))
			.isLessThan(html.indexOf("id=\"action-publish\""));
	}

	@Test
	void aVersionThePageDidNotShowIsRefusedBeforeTheApiIsCalled() {
		String html = as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios/s1/publish")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.body(BodyInserters.fromFormData("version", "3\"\r\nX-Injected: yes"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("Malformed version");
		assertThat(CALLS).noneMatch(call -> call.startsWith("POST"));
	}

	@Test
	void theOfficerSeesTheProvisionalAwardDecidesObjectionsAndSchedulesMilestones() {
		String html = as("demo-officer", "officer").get()
			.uri("/workspace/desk/scenarios/s1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("Proposed, in its standstill period", "2026-12-02 09:00 (Asia/Shanghai)",
				"Our score was added up wrongly", "demo-enterprise-2",
				"action=\"/workspace/desk/scenarios/s1/objections/o1/uphold\"",
				"action=\"/workspace/desk/scenarios/s1/objections/o1/dismiss\"", "No milestone scheduled yet.",
				"<option value=\"a1\">a1</option>");
		as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios/s1/objections/o1/dismiss")
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/desk/scenarios/s1");
		as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios/s1/milestones")
			.body(BodyInserters.fromFormData("applicationId", "a1")
				.with("title", "Prototype on the line")
				.with("dueOn", "2027-03-01")
				.with("deliverable", ""))
			.exchange()
			.expectStatus()
			.isSeeOther();
		assertThat(CALLS.stream().filter(call -> call.startsWith("POST"))).containsExactly(
				"POST /api/v1/objections/o1/dismiss Bearer access-token if-match=null ",
				"POST /api/v1/scenarios/s1/milestones Bearer access-token if-match=null "
						+ "{\"applicationId\":\"a1\",\"title\":\"Prototype on the line\",\"dueOn\":\"2027-03-01\"}");
		as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios/s1/objections/o1/ignore")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aNewScenarioIsSentWithItsWindowInItsTimeZoneAndARefusalShowsBesideItsField() {
		String html = as("demo-officer", "officer").mutateWith(csrf())
			.post()
			.uri("/workspace/desk/scenarios")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.body(BodyInserters.fromFormData("programId", "p1")
				.with("title", "Drone deliveries")
				.with("sector", "LOW_ALTITUDE_ECONOMY")
				.with("capabilities", "drone-navigation, lidar")
				.with("eligibleCategories", "STARTUP")
				.with("eligibleCategories", "LITTLE_GIANT")
				.with("funding", "100,000.00")
				.with("maxAwards", "1")
				.with("opensAt", "2026-12-01T09:00")
				.with("closesAt", "2026-12-21T18:30")
				.with("timeZone", "Asia/Shanghai")
				.with("criterionKey", "fit")
				.with("criterionKey", "")
				.with("criterionName", "Technical fit")
				.with("criterionName", "")
				.with("criterionWeight", "a hundred")
				.with("criterionWeight", "")
				.with("criterionAnchors", "None\nWeak\nPartial\nGood\nStrong\nComplete")
				.with("criterionAnchors", "")
				.with("idempotencyKey", "key-7"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CALLS.stream().filter(call -> call.startsWith("POST"))).singleElement()
			.asString()
			.startsWith("POST /api/v1/scenarios Bearer access-token if-match=null key=key-7 ")
			.contains("\"opensAt\":\"2026-12-01T09:00+08:00\"", "\"closesAt\":\"2026-12-21T18:30+08:00\"",
					"\"requiredCapabilities\":[\"drone-navigation\",\"lidar\"]",
					"\"eligibleCategories\":[\"STARTUP\",\"LITTLE_GIANT\"]",
					"\"funding\":{\"amount\":\"100000.00\",\"currency\":\"CNY\"}",
					"\"rubric\":[{\"key\":\"fit\",\"name\":\"Technical fit\",\"weight\":\"a hundred\","
							+ "\"anchors\":[\"None\",\"Weak\",\"Partial\",\"Good\",\"Strong\",\"Complete\"]}]");
		assertThat(html).contains("id=\"criterionWeight-0\"", "aria-invalid=\"true\"",
				"<p id=\"criterionWeight-0-error\" class=\"error\">must be a number from 1 to 100</p>",
				"value=\"Drone deliveries\"", "value=\"a hundred\"");
	}

	@Test
	void aReviewerSeesTheProposalBlindWithTheAnchorsAndScoresEachCriterion() {
		String html = as("demo-reviewer-1", "reviewer").get()
			.uri("/workspace/reviews/r1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("Routes over Pazhou", "Technical fit (100 %)", "4 — Strong", "name=\"score-fit\"",
				"Recuse myself");
		as("demo-reviewer-1", "reviewer").mutateWith(csrf())
			.post()
			.uri("/workspace/reviews/r1/scores")
			.body(BodyInserters.fromFormData("score-fit", "4").with("comment", "Sound routes"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/reviews/r1");
		assertThat(CALLS).contains("POST /api/v1/reviews/assignments/r1/scores Bearer access-token if-match=null "
				+ "{\"scores\":{\"fit\":4},\"comment\":\"Sound routes\"}");
		as("demo-reviewer-1", "reviewer").get().uri("/workspace/reviews/r2").exchange().expectStatus().isNotFound();
	}

	@Test
	void aReviewerDeclaresTheEnterprisesTheyAreTiedTo() {
		assertThat(as("demo-reviewer-1", "reviewer").get()
			.uri("/workspace/affiliations")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("91440101MA5CYUF219", "Last declared 2026-11-28");
		as("demo-reviewer-1", "reviewer").mutateWith(csrf())
			.post()
			.uri("/workspace/affiliations")
			.body(BodyInserters.fromFormData("creditCodes", "91440101MA5CYUF219\n91440105MA5D8P1G2G")
				.with("enterpriseIds", ""))
			.exchange()
			.expectStatus()
			.isSeeOther();
		assertThat(CALLS.stream().filter(call -> call.startsWith("PUT")))
			.containsExactly("PUT /api/v1/reviewers/me/affiliations Bearer access-token if-match=null "
					+ "{\"creditCodes\":[\"91440101MA5CYUF219\",\"91440105MA5D8P1G2G\"],\"enterpriseIds\":[]}");
	}

	private WebTestClient as(String name, String role) {
		return this.browser.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
			.clientRegistration(this.registrations.findByRegistrationId(SignInConfiguration.REGISTRATION).block())
			.idToken(token -> token.subject(name).claim("roles", List.of(role))));
	}

	private static String call(HttpServerRequest request, String body) {
		String key = request.requestHeaders().get("Idempotency-Key");
		return request.method() + " " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION)
				+ " if-match=" + request.requestHeaders().get(HttpHeaders.IF_MATCH) + (key == null ? "" : " key=" + key)
				+ (body == null ? "" : " " + body);
	}

	private static java.util.function.BiFunction<HttpServerRequest, HttpServerResponse, org.reactivestreams.Publisher<Void>> json(
			String answer) {
		return (request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			CALLS.add(call(request, "GET".equals(request.method().name()) ? null : body));
			return response.header("Content-Type", "application/json").sendString(Mono.just(answer)).then();
		});
	}

	private static Mono<Void> problem(HttpServerRequest request, HttpServerResponse response, int status, String title,
			String detail) {
		return problem(request, response, status, title, detail, "[]");
	}

	private static Mono<Void> problem(HttpServerRequest request, HttpServerResponse response, int status, String title,
			String detail, String errors) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			CALLS.add(call(request, body));
			return response.status(status)
				.header("Content-Type", "application/problem+json")
				.sendString(Mono.just(
						"{\"type\": \"https://scenariohub.dev/problems/x\", \"title\": \"" + title + "\", \"status\": "
								+ status + ", \"detail\": \"" + detail + "\", \"errors\": " + errors + "}"))
				.then();
		});
	}

}
