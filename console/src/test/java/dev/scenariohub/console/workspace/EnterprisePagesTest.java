package dev.scenariohub.console.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * Registering an enterprise (the credit code checked as it is typed, refusals beside
 * their fields, one registration per form) and an enterprise's page.
 */
class EnterprisePagesTest extends StandInGateway {

	@Test
	void aRefusedRegistrationComesBackAsTheFormWithTheProblemBesideItsField() {
		String form = page("/workspace/enterprises/new");
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
	void anEnterprisesPageShowsItsPeopleAndMatchesAndAddsAPerson() {
		String html = page("/workspace/enterprises/e1");
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

}
