package dev.scenariohub.console.workspace;

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
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * Signing in and the workspace, against a stand-in for the gateway: the workspace needs a
 * signed-in person and sends them to the issuer with PKCE; their calls carry their own
 * token, which never reaches the browser; forms need the CSRF token; signing out ends the
 * session at the issuer too.
 */
@SpringBootTest(properties = "console.issuer-uri=http://issuer.test")
@AutoConfigureWebTestClient
class WorkspaceTest {

	static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

	static final DisposableServer GATEWAY = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/api/v1/notifications", (request, response) -> {
			CALLS.add("GET " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.header("Content-Type", "application/json").sendString(Mono.just("""
					{"items": [
					  {"id": "n2", "title": "Application submitted", "body": "Drone routes: submitted",
					   "createdAt": "2026-11-29T08:00:00Z", "type": "dev.scenariohub.application.submitted.v1"},
					  {"id": "n1", "title": "Scenario published", "body": "A new scenario",
					   "createdAt": "2026-11-28T08:00:00Z", "readAt": "2026-11-28T09:00:00Z",
					   "type": "dev.scenariohub.scenario.published.v1"}]}
					"""));
		}).post("/api/v1/notifications/read-all", (request, response) -> {
			CALLS.add("POST " + request.uri() + " " + request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
			return response.status(204).send();
		}))
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

	/**
	 * Signed in as demo-enterprise-1, whose access token (the mock's) is "access-token".
	 */
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
		assertThat(CALLS).containsExactly("GET /api/v1/notifications?limit=20 Bearer access-token");
		assertThat(html)
			.contains("demo-enterprise-1", "enterprise", "Application submitted", "1 unread", "Mark all as read",
					"name=\"_csrf\"", "Sign out")
			.as("the token stays on the server")
			.doesNotContain("access-token");
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
