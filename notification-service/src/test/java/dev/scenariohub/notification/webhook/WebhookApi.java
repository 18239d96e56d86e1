package dev.scenariohub.notification.webhook;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls to the webhook API that several tests make. */
public final class WebhookApi {

	private WebhookApi() {
	}

	/** A webhook's deliveries, as its owner sees them. */
	public static List<Map<String, Object>> deliveries(WebTestClient owner, Object webhookId) {
		return owner.get()
			.uri("/api/v1/webhooks/{id}/deliveries", webhookId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
