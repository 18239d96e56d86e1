package dev.scenariohub.console.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** An application's page, and objecting to a proposed award from it. */
class ApplicationPagesTest extends StandInGateway {

	@Test
	void anApplicationShowsItsStatusScenarioAndTheActionItsStatusAllows() {
		String html = page("/workspace/applications/a1");
		assertThat(html)
			.contains("<p class=\"status\" id=\"application-status\">Draft</p>",
					"href=\"/scenarios/s1\">Drone deliveries</a>", "¥90,000.00", "Drone routes over Pazhou",
					"action=\"/workspace/applications/a1/submit\"", "name=\"version\" value=\"1\"")
			.doesNotContain("/withdraw");
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
		assertThat(page("/workspace/applications/a1?objected=1")).contains("Your objection was lodged");
	}

}
