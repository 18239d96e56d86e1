package dev.scenariohub.console.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;

import dev.scenariohub.console.signin.SignInConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
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
 * Signing in and the workspace, against a stand-in for the gateway: the workspace needs a
 * signed-in person and sends them to the issuer with PKCE; their calls carry their own
 * token, which never reaches the browser; forms need the CSRF token; signing out ends the
 * session at the issuer too.
 */
@SpringBootTest(properties = "console.issuer-uri=http://issuer.test")
@AutoConfigureWebTestClient(timeout = "30s")
class WorkspaceTest {

	static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

	static final DisposableServer GATEWAY = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/api/v1/notifications", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			if (!"Bearer access-token".equals(request.requestHeaders().get(HttpHeaders.AUTHORIZATION))) {
				return response.status(401)
					.header("Content-Type", "application/problem+json")
					.sendString(Mono.just("{\"type\": \"https://scenariohub.dev/problems/unauthorized\","
							+ " \"title\": \"Unauthorized\", \"status\": 401}"));
			}
			return response.header("Content-Type", "application/json").sendString(Mono.just("""
					{"items": [
					  {"id": "n2", "title": "Application submitted", "body": "Drone routes: submitted",
					   "createdAt": "2026-11-29T08:00:00Z", "type": "dev.scenariohub.application.submitted.v1"},
					  {"id": "n1", "title": "Scenario published", "body": "A new scenario",
					   "createdAt": "2026-11-28T08:00:00Z", "readAt": "2026-11-28T09:00:00Z",
					   "type": "dev.scenariohub.scenario.published.v1"}]}
					"""));
		}).get("/api/v1/enterprises", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"items\": [{\"id\": \"e1\", \"name\": \"Haizhu Drones\","
						+ " \"category\": \"STARTUP\", \"status\": \"PENDING\"}]}"));
		}).get("/api/v1/applications", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"items\": [{\"id\": \"a1\", \"summary\": \"Drone routes over Pazhou\","
						+ " \"status\": \"SUBMITTED\"}]}"));
		}).get("/api/v1/applications/a1", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(
						Mono.just("{\"id\": \"a1\", \"scenarioId\": \"s1\", \"summary\": \"Drone routes over Pazhou\","
								+ " \"status\": \"DRAFT\", \"version\": 1,"
								+ " \"requestedFunding\": {\"amount\": \"90000.00\", \"currency\": \"CNY\"}}"));
		}).get("/api/v1/scenarios/s1", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"id\": \"s1\", \"title\": \"Drone deliveries\", \"status\": \"OPEN\"}"));
		}).get("/api/v1/notification-preferences", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"recipient\": \"demo-enterprise-1\", \"locale\": \"zh-CN\","
						+ " \"email\": \"wu.lei@example.com\", \"channels\": {\"REVIEW\": [\"INBOX\"]}}"));
		})
			.put("/api/v1/notification-preferences", recorded("{}"))
			.get("/api/v1/subscriptions",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(
								"[{\"id\": \"sub1\", \"sectors\": [\"HEALTHCARE\"], \"capabilities\": [\"lidar\"]}]")))
			.delete("/api/v1/subscriptions/sub1", recorded(""))
			.get("/api/v1/webhooks",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(
								"[{\"id\": \"w0\", \"url\": \"https://hooks.example.com/old\", \"eventTypes\": []}]")))
			.post("/api/v1/webhooks",
					recorded("{\"id\": \"w1\", \"url\": \"https://hooks.example.com/new\","
							+ " \"secret\": \"whsec-5f2b9c\", \"eventTypes\": []}"))
			.get("/api/v1/enterprises/e1", (request, response) -> response.header("Content-Type", "application/json")
				.sendString(Mono
					.just("{\"id\": \"e1\", \"name\": \"Haizhu Drones\", \"creditCode\": \"91440101MA5CYUF219\","
							+ " \"category\": \"STARTUP\", \"status\": \"VERIFIED\", \"owner\": \"demo-enterprise-1\","
							+ " \"members\": [\"demo-enterprise-2\"], \"capabilities\": [\"drone-navigation\"],"
							+ " \"creditCodeChecksumFails\": false, \"version\": 3}")))
			.get("/api/v1/matches", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("[{\"scenarioId\": \"s1\", \"title\": \"Drone deliveries\", \"score\": 82.4,"
							+ " \"reasons\": [\"matches 1 of 1 required capabilities\"]}]"));
			})
			.post("/api/v1/enterprises/e1/members", recorded("{}"))
			.get("/api/v1/enterprises/credit-code-check", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"creditCode\": \"91430111MA4L41YT1T\", \"valid\": false,"
							+ " \"problem\": \"WRONG_CHECK_CHARACTER\"}"));
			})
			.post("/api/v1/scenarios/s1/objections", recorded("{\"objectionId\": \"o1\", \"status\": \"LODGED\"}"))
			.get("/api/v1/notifications/stream", (request, response) -> {
				CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION)
						+ " after=" + request.requestHeaders().get("Last-Event-ID"));
				if ("refuse".equals(request.requestHeaders().get("Last-Event-ID"))) {
					return response.status(429)
						.header("Content-Type", "application/problem+json")
						.sendString(Mono.just("{\"type\": \"https://scenariohub.dev/problems/too-many-streams\","
								+ " \"title\": \"Too many open streams\", \"status\": 429}"));
				}
				return response.header("Content-Type", "text/event-stream")
					.sendString(Mono
						.just("""
								:connected

								id:1764403200000:n3
								event:notification
								data:{"id":"n3","title":"Application awarded","body":"Drone routes: awarded","createdAt":"2026-11-29T10:00:00Z"}

								"""));
			})
			.post("/api/v1/enterprises",
					(request, response) -> request.receive().aggregate().asString().flatMap(body -> {
						CALLS
							.add("POST " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION)
									+ " key=" + request.requestHeaders().get("Idempotency-Key") + " " + body);
						if (!body.contains("\"creditCode\":\"91440101MA5CYUF219\"")) {
							return response.status(400)
								.header("Content-Type", "application/problem+json")
								.sendString(Mono.just("{\"type\":\"https://scenariohub.dev/problems/validation\","
										+ "\"title\":\"Invalid request\",\"status\":400,"
										+ "\"detail\":\"The request has 1 invalid field(s)\","
										+ "\"errors\":[{\"field\":\"creditCode\",\"message\":\"must be 18 characters\"}]}"))
								.then();
						}
						return response.status(201)
							.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"id\": \"e2\", \"status\": \"PENDING\"}"))
							.then();
					}))
			.post("/api/v1/notifications/read-all", (request, response) -> {
				CALLS.add("POST " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
				return response.status(204).send();
			}))
		.bindNow();

	/** Answers with {@code answer}, noting the call with its body. */
	private static BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> recorded(String answer) {
		return (request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			CALLS.add(request.method() + " " + request.uri() + " "
					+ request.requestHeaders().get(HttpHeaders.AUTHORIZATION) + " " + body);
			return answer.isEmpty() ? response.status(204).send()
					: response.header("Content-Type", "application/json").sendString(Mono.just(answer)).then();
		});
	}

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

	/** The registration form as a browser sends it. */
	private static BodyInserters.FormInserter<String> registration(String creditCode, String idempotencyKey) {
		return BodyInserters.fromFormData("name", "Haizhu Drones")
			.with("creditCode", creditCode)
			.with("category", "STARTUP")
			.with("district", "Haizhu")
			.with("contactName", "Wu Lei")
			.with("contactEmail", "wu.lei@example.com")
			.with("idempotencyKey", idempotencyKey);
	}

	/**
	 * Signed in as demo-enterprise-1, whose access token (the mock's) is "access-token".
	 */
	/**
	 * Signed in, holding an access token valid from {@code issued} to {@code expires}.
	 */
	private WebTestClient signedInWith(String token, Instant issued, Instant expires) {
		ClientRegistration registration = this.registrations.findByRegistrationId(SignInConfiguration.REGISTRATION)
			.block();
		return this.browser
			.mutateWith(SecurityMockServerConfigurers.mockOAuth2Client(SignInConfiguration.REGISTRATION)
				.clientRegistration(registration)
				.principalName("demo-enterprise-1")
				.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, issued, expires)))
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.clientRegistration(registration)
				.idToken(id -> id.subject("demo-enterprise-1").claim("roles", List.of("enterprise"))));
	}

	/**
	 * A token shaped as the issuer's JWTs are (the stand-in does not check signatures).
	 */
	private static String jwt(Instant expires) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(("{\"sub\":\"demo-enterprise-1\",\"exp\":" + expires.getEpochSecond() + "}")
					.getBytes(StandardCharsets.UTF_8))
				+ ".signature";
	}

	@Test
	void anExpiredAccessTokenSendsThePersonToSignInAgainAndBackToThePage() {
		Instant now = Instant.now();
		signedInWith(jwt(now.minusSeconds(1800)), now.minusSeconds(3600), now.minusSeconds(1800)).get()
			.uri("/workspace")
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/scenariohub");
		// a token that has not expired but is refused anyway is shown, not retried in a
		// loop
		signedInWith(jwt(now.plusSeconds(1800)), now.minusSeconds(60), now.plusSeconds(1800)).get()
			.uri("/workspace")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("Unauthorized"));
	}

	private WebTestClient signedIn() {
		return this.browser.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
			.clientRegistration(this.registrations.findByRegistrationId(SignInConfiguration.REGISTRATION).block())
			.idToken(token -> token.subject("demo-enterprise-1").claim("roles", List.of("enterprise"))));
	}

	@Test
	void theWorkspaceSendsAnonymousPeopleToTheIssuerWithPkce() {
		this.browser.get()
			.uri("/workspace")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/scenariohub");
		// as the gateway forwards it: the addresses sent back are the ones the browser
		// uses
		this.browser.get()
			.uri("/oauth2/authorization/scenariohub")
			.header("X-Forwarded-Host", "scenariohub.test:8080")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION,
					location -> assertThat(location).startsWith("http://issuer.test/oauth2/authorize?")
						.contains("response_type=code", "client_id=scenariohub-console", "code_challenge=",
								"code_challenge_method=S256", "scope=openid%20profile%20api",
								"redirect_uri=https://scenariohub.test:8080/login/oauth2/code/scenariohub"))
			.expectCookie()
			.httpOnly("scenariohub-session", true)
			.expectCookie()
			.sameSite("scenariohub-session", "Lax");
		assertThat(CALLS).isEmpty();
	}

	@Test
	void theWorkspaceShowsThePersonsInboxFetchedWithTheirOwnToken() {
		String html = signedIn().get()
			.uri("/workspace")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CALLS).containsExactlyInAnyOrder("GET /api/v1/notifications?limit=20 Bearer access-token",
				"GET /api/v1/enterprises?limit=20 Bearer access-token",
				"GET /api/v1/applications?limit=20 Bearer access-token");
		assertThat(html).contains("Haizhu Drones", "Waiting for verification", "href=\"/workspace/enterprises/new\"");
		assertThat(html).as("their applications, each with its page")
			.contains("href=\"/workspace/applications/a1\">Drone routes over Pazhou</a>", "Submitted")
			.as("an enterprise has no desk")
			.doesNotContain("/workspace/desk");
		assertThat(html).as("the inbox grows live, from the console's own address")
			.contains("data-live-inbox=\"/workspace/notifications/stream\"", "src=\"/assets/live.js\"");
		assertThat(html)
			.contains("demo-enterprise-1", "enterprise", "Application submitted", "1 unread", "Mark all as read",
					"name=\"_csrf\"", "Sign out")
			.as("the token stays on the server")
			.doesNotContain("access-token");
	}

	@Test
	void theLiveInboxRelaysThePersonsStreamWithTheTokenKeptOnTheServer() {
		String events = signedIn().get()
			.uri("/workspace/notifications/stream")
			.header("Last-Event-ID", "1764400000000:n2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/event-stream")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CALLS)
			.containsExactly("GET /api/v1/notifications/stream Bearer access-token after=1764400000000:n2");
		assertThat(events).as("each notification keeps its id, so a reconnect resumes after it")
			.contains("id:1764403200000:n3", "event:notification", "\"title\":\"Application awarded\"")
			.doesNotContain("access-token");
	}

	@Test
	void anApplicationShowsItsStatusScenarioAndTheActionItsStatusAllows() {
		String html = signedIn().get()
			.uri("/workspace/applications/a1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html)
			.contains("<p class=\"status\" id=\"application-status\">Draft</p>",
					"href=\"/scenarios/s1\">Drone deliveries</a>", "¥90,000.00", "Drone routes over Pazhou",
					"action=\"/workspace/applications/a1/submit\"", "name=\"version\" value=\"1\"")
			.doesNotContain("/withdraw");
	}

	@Test
	void settingsShowWhatIsChosenAndSaveEveryKindOfEventWithTheChannelsTicked() {
		String html = signedIn().get()
			.uri("/workspace/settings")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html)
			.contains("value=\"wu.lei@example.com\"", "<option value=\"zh-CN\" selected=\"selected\">", "Healthcare",
					"lidar", "https://hooks.example.com/old")
			.as("a kind of event with no choice made gets every channel")
			.containsPattern("id=\"channel-SCENARIO-EMAIL\"[^>]*checked")
			.as("one with a choice shows it")
			.containsPattern("id=\"channel-REVIEW-INBOX\"[^>]*checked")
			.doesNotContainPattern("id=\"channel-REVIEW-EMAIL\"[^>]*checked");
		CALLS.clear();
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/settings/preferences")
			.body(BodyInserters.fromFormData("locale", "en")
				.with("email", "wu.lei@example.com")
				.with("channel-SCENARIO", "INBOX")
				.with("channel-SCENARIO", "EMAIL")
				.with("channel-REVIEW", "INBOX"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/settings");
		assertThat(CALLS).containsExactly("PUT /api/v1/notification-preferences Bearer access-token "
				+ "{\"locale\":\"en\",\"email\":\"wu.lei@example.com\",\"channels\":{\"SCENARIO\":[\"INBOX\",\"EMAIL\"],"
				+ "\"APPLICATION\":[],\"REVIEW\":[\"INBOX\"],\"OBJECTION\":[],\"MILESTONE\":[],\"ENTERPRISE\":[]}}");
	}

	@Test
	void aWebhooksSecretIsShownOnceWhenItIsMade() {
		String created = signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/settings/webhooks")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.body(BodyInserters.fromFormData("url", "https://hooks.example.com/new").with("eventTypes", ""))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).contains("<code id=\"webhook-secret\">whsec-5f2b9c</code>", "shown this once");
		assertThat(CALLS).containsExactly("POST /api/v1/webhooks Bearer access-token "
				+ "{\"url\":\"https://hooks.example.com/new\",\"eventTypes\":[]}");
		assertThat(signedIn().get()
			.uri("/workspace/settings")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).doesNotContain("whsec-5f2b9c");
	}

	@Test
	void anEnterprisesPageShowsItsPeopleAndMatchesAndAddsAPerson() {
		String html = signedIn().get()
			.uri("/workspace/enterprises/e1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html)
			.contains("Haizhu Drones", "Verified", "demo-enterprise-2", "href=\"/scenarios/s1\">Drone deliveries</a>",
					"Fit 82 of 100", "matches 1 of 1 required capabilities")
			.as("the checksum holds: nothing to override")
			.doesNotContain("credit-code-override");
		assertThat(CALLS).contains("GET /api/v1/matches?enterpriseId=e1&limit=10 Bearer access-token");
		CALLS.clear();
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/enterprises/e1/members")
			.body(BodyInserters.fromFormData("sub", " demo-enterprise-2 "))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/enterprises/e1");
		assertThat(CALLS)
			.containsExactly("POST /api/v1/enterprises/e1/members Bearer access-token {\"sub\":\"demo-enterprise-2\"}");
	}

	@Test
	void anApplicantObjectsToTheProposedAwardFromItsApplication() {
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/applications/a1/objection")
			.body(BodyInserters.fromFormData("scenarioId", "s1").with("reason", "Our score was added up wrongly"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/applications/a1?objected=1");
		assertThat(CALLS).containsExactly("POST /api/v1/scenarios/s1/objections Bearer access-token "
				+ "{\"applicationId\":\"a1\",\"reason\":\"Our score was added up wrongly\"}");
		assertThat(signedIn().get()
			.uri("/workspace/applications/a1?objected=1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("Your objection was lodged");
	}

	@Test
	void aRefusedStreamEndsWithOneProblemEventThePageCanShow() {
		String events = signedIn().get()
			.uri("/workspace/notifications/stream")
			.header("Last-Event-ID", "refuse")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(events).contains("event:problem", "\"status\":429", "\"title\":\"Too many open streams\"");
	}

	@Test
	void formsNeedTheCsrfTokenAndActWithThePersonsToken() {
		signedIn().post().uri("/workspace/notifications/read-all").exchange().expectStatus().isForbidden();
		assertThat(CALLS).isEmpty();
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/notifications/read-all")
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace");
		assertThat(CALLS).containsExactly("POST /api/v1/notifications/read-all Bearer access-token");
	}

	@Test
	void aRefusedRegistrationComesBackAsTheFormWithTheProblemBesideItsField() {
		String form = signedIn().get()
			.uri("/workspace/enterprises/new")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(form).contains("<label for=\"creditCode\">Unified social credit code</label>",
				"name=\"idempotencyKey\"", "name=\"_csrf\"");
		String refused = signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/enterprises")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.body(registration("9144", "key-1").with("capabilities", "drone-navigation, computer-vision"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("aria-invalid=\"true\"", "aria-describedby=\"creditCode-error creditCode-hint\"",
				"<p id=\"creditCode-error\" class=\"error\">must be 18 characters</p>", "value=\"Haizhu Drones\"",
				"value=\"drone-navigation, computer-vision\"");
		assertThat(CALLS).singleElement()
			.asString()
			.startsWith("POST /api/v1/enterprises Bearer access-token key=key-1 ")
			.contains("\"capabilities\":[\"drone-navigation\",\"computer-vision\"]",
					"\"contact\":{\"name\":\"Wu Lei\",\"email\":\"wu.lei@example.com\"}");
	}

	@Test
	void aCreditCodeIsCheckedAsItIsTypedByTheApiAndSaidInThePersonsLanguage() {
		signedIn().get()
			.uri("/workspace/enterprises/credit-code-check?code=91430111MA4L41YT1T")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value(message -> assertThat((String) message).startsWith("The last character does not match"));
		assertThat(CALLS)
			.containsExactly("GET /api/v1/enterprises/credit-code-check?code=91430111MA4L41YT1T Bearer access-token");
		assertThat(signedIn().get()
			.uri("/workspace/enterprises/new")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("id=\"creditCode-check\"", "aria-live=\"polite\"",
					"src=\"/assets/credit-code.js\"", "name=\"creditCodeChecksumFails\"");
	}

	@Test
	void aRegisteredEnterpriseTakesThePersonBackToTheWorkspace() {
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/enterprises")
			.body(registration("91440101MA5CYUF219", "key-2"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace");
		assertThat(CALLS).singleElement().asString().contains("key=key-2");
	}

	@Test
	void signingOutEndsTheSessionAtTheIssuerToo() {
		signedIn().mutateWith(csrf())
			.post()
			.uri("/logout")
			.header("X-Forwarded-Host", "scenariohub.test:8080")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION,
					location -> assertThat(location).startsWith("http://issuer.test/connect/logout?")
						.contains("id_token_hint=",
								"post_logout_redirect_uri=https://scenariohub.test:8080/scenarios"));
	}

}
