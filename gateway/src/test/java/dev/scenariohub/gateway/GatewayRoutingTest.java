package dev.scenariohub.gateway;

import java.time.Duration;
import java.util.List;

import dev.scenariohub.platform.test.ApiClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes, public reads, token checks and fallbacks, against stub services on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class GatewayRoutingTest {

	/** Answers with which service it pretends to be and the path it got. */
	private static DisposableServer stub(String name) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.route(request -> true,
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just("{\"service\":\"" + name + "\",\"path\":\"" + request.path()
								+ "\",\"requestId\":\"" + request.requestHeaders().get("X-Request-Id") + "\"}"))))
			.bindNow();
	}

	static final DisposableServer SCENARIOS = stub("scenario-service");

	static final DisposableServer ENTERPRISES = stub("enterprise-service");

	static final DisposableServer CONSOLE = stub("console");

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("SCENARIO_SERVICE_URL", () -> "http://127.0.0.1:" + SCENARIOS.port());
		registry.add("ENTERPRISE_SERVICE_URL", () -> "http://127.0.0.1:" + ENTERPRISES.port());
		registry.add("CONSOLE_URL", () -> "http://127.0.0.1:" + CONSOLE.port());
		// nothing listens there: the notification route is down
		registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		SCENARIOS.disposeNow();
		ENTERPRISES.disposeNow();
		CONSOLE.disposeNow();
	}

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private WebTestClient signedIn() {
		return ApiClients.as(this.web, "demo-officer", "officer");
	}

	@Test
	void everyRequestHasAnIdThatTheServiceAndTheClientBothSee() {
		String generated = this.web.get()
			.uri("/api/v1/scenarios")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(generated).matches("[0-9a-f-]{36}");

		this.web.get()
			.uri("/api/v1/scenarios")
			.header("X-Request-Id", "support-ticket-4711")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "support-ticket-4711")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("support-ticket-4711");

		this.web.get()
			.uri("/api/v1/scenarios")
			.header("X-Request-Id", "<script>")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", id -> assertThat(id).as("replaced").matches("[0-9a-f-]{36}"));

		this.web.get().uri("/api/v1/notifications").exchange().expectHeader().exists("X-Request-Id");
	}

	@Test
	void thePublicReadsScenariosWithoutAToken() {
		this.web.get()
			.uri("/api/v1/scenarios?status=OPEN")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("scenario-service")
			.jsonPath("$.path")
			.isEqualTo("api/v1/scenarios");
	}

	@Test
	void writesNeedAToken() {
		this.web.post()
			.uri("/api/v1/scenarios")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		signedIn().post().uri("/api/v1/scenarios").exchange().expectStatus().isOk();
	}

	@Test
	void eachFamilyOfPathsGoesToItsService() {
		signedIn().get()
			.uri("/api/v1/enterprises/abc")
			.exchange()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("enterprise-service");
		signedIn().get()
			.uri("/api/v1/milestones/abc")
			.exchange()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("scenario-service");
	}

	@Test
	void eachServicesOpenApiDocumentIsPublishedAtTheGateway() {
		this.web.get()
			.uri("/api/v1/openapi/enterprise-service")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("enterprise-service")
			.jsonPath("$.path")
			.isEqualTo("v3/api-docs");
	}

	@Test
	void aServiceThatIsDownAnswers503ProblemQuicklyWhileOtherRoutesKeepWorking() {
		long started = System.nanoTime();
		signedIn().get()
			.uri("/api/v1/notifications")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/service-unavailable");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well within the route time-out")
			.isLessThan(Duration.ofSeconds(5));
		this.web.get().uri("/api/v1/scenarios").exchange().expectStatus().isOk();
	}

	@Test
	void pagesOutsideTheApiGoToTheConsoleWithoutAToken() {
		this.web.get()
			.uri("/scenarios?sector=HEALTHCARE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("console")
			.jsonPath("$.path")
			.isEqualTo("scenarios");
		this.web.get().uri("/assets/console.css").exchange().expectBody().jsonPath("$.service").isEqualTo("console");
	}

	@Test
	void signingInAndOutIsTheConsolesBusiness() {
		for (String path : List.of("/logout", "/login/oauth2/code/scenariohub", "/oauth2/authorization/scenariohub")) {
			this.web.method(path.equals("/logout") ? HttpMethod.POST : HttpMethod.GET)
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.service")
				.isEqualTo("console");
		}
	}

	@Test
	void theGatewayLeavesTheConsolesSessionCookieAlone() {
		this.web.get()
			.uri("/workspace")
			.cookie("scenariohub-session", "a-console-session")
			.cookie("SESSION", "another")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void unknownPathsAreNotRouted() {
		this.web.get().uri("/internal/admin").exchange().expectStatus().isNotFound();
		this.web.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
		signedIn().get().uri("/actuator/env").exchange().expectStatus().isForbidden();
		signedIn().get()
			.uri("/api/v1/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
