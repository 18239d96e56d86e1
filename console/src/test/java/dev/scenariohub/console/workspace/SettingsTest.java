package dev.scenariohub.console.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** Notification settings, and a webhook's secret shown once. */
class SettingsTest extends StandInGateway {

	@Test
	void settingsShowWhatIsChosenAndSaveEveryKindOfEventWithTheChannelsTicked() {
		String html = page("/workspace/settings");
		assertThat(html)
			.contains("value=\"wu.lei@example.com\"", "<option value=\"zh-CN\" selected=\"selected\">", "Healthcare",
					"lidar", "https://hooks.example.com/old")
			.as("a kind of event with no choice made gets every channel")
			.containsPattern("id=\"channel-SCENARIO-EMAIL\"[^>]*checked")
			.as("one with a choice shows it")
			.containsPattern("id=\"channel-REVIEW-INBOX\"[^>]*checked")
			.doesNotContainPattern("id=\"channel-REVIEW-EMAIL\"[^>]*checked")
			.as("the address is not confirmed yet, and the field says so")
			.contains("Not confirmed yet: follow the link e-mailed to this address")
			.contains("aria-describedby=\"email-hint email-status\"");
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
	void anUnconfirmedAddressCanHaveItsLinkSentAgain() {
		String html = page("/workspace/settings");
		assertThat(html).containsPattern(
				"formaction=\"/workspace/settings/email-confirmation\"[^>]*>Send the confirmation link again<");
		CALLS.clear();
		signedIn().mutateWith(csrf())
			.post()
			.uri("/workspace/settings/email-confirmation")
			.body(BodyInserters.fromFormData("locale", "en").with("email", "wu.lei@example.com"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/workspace/settings");
		assertThat(CALLS)
			.containsExactly("POST /api/v1/notification-preferences/email-confirmation Bearer access-token ");
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

}
