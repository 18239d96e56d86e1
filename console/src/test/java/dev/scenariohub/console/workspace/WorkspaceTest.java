package dev.scenariohub.console.workspace;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * Signing in and the workspace, against a stand-in for the gateway: the workspace needs a
 * signed-in person and sends them to the issuer with PKCE; their calls carry their own
 * token, which never reaches the browser; the inbox grows live; forms need the CSRF
 * token; an expired token means signing in again; signing out ends the session at the
 * issuer too.
 */
class WorkspaceTest extends StandInGateway {

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
		String html = page("/workspace");
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
