package dev.scenariohub.notification.webhook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What one user may create is bounded, with a clear problem when the bound is reached.
 */
@IntegrationTest
class UserLimitsTest {

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Test
	void aUserHasAtMostTenWebhooks() {
		WebTestClient user = ApiClients.as(this.web, "hooks-" + UUID.randomUUID(), "enterprise");
		for (int i = 0; i < 10; i++) {
			user.post()
				.uri("/api/v1/webhooks")
				.bodyValue(Map.of("url", "http://127.0.0.1:1/hook-" + i))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		user.post()
			.uri("/api/v1/webhooks")
			.bodyValue(Map.of("url", "http://127.0.0.1:1/one-more"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/too-many-webhooks");
		user.get().uri("/api/v1/webhooks").exchange().expectBody().jsonPath("$.length()").isEqualTo(10);
	}

	@Test
	void aUserHasAtMostFiftySubscriptions() {
		WebTestClient user = ApiClients.as(this.web, "subs-" + UUID.randomUUID(), "enterprise");
		for (int i = 0; i < 50; i++) {
			user.post()
				.uri("/api/v1/subscriptions")
				.bodyValue(Map.of("capabilities", List.of("tag-" + i)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		user.post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("capabilities", List.of("one-more")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://scenariohub.dev/problems/too-many-subscriptions");
	}

}
