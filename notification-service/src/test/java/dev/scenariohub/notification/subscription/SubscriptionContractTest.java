package dev.scenariohub.notification.subscription;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A subscription is what its documented schema says: sectors and capabilities (the rule
 * that one of them is named is checked, see ScenarioPublishedNotificationTest) — not a
 * third field the server then refuses.
 */
@IntegrationTest
class SubscriptionContractTest {

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	@Test
	void theDocumentedSubscriptionSchemaHasOnlyItsFields() {
		OpenApiContract.publishedBody(this.web)
			.jsonPath("$.components.schemas.CreateSubscription.properties.sectors")
			.exists()
			.jsonPath("$.components.schemas.CreateSubscription.properties.sectorsOrCapabilities")
			.doesNotExist();
	}

	@Test
	void theDocumentedStatusesAreTheOnesAnswered() {
		OpenApiContract.publishedBody(this.web)
			.jsonPath("$.paths['/api/v1/subscriptions'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/subscriptions/{id}'].delete.responses['204']")
			.exists()
			.jsonPath("$.paths['/api/v1/webhooks'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/webhooks/{id}'].delete.responses['204']")
			.exists()
			.jsonPath("$.paths['/api/v1/webhooks/{id}/ping'].post.responses['202']")
			.exists()
			.jsonPath("$.paths['/api/v1/webhooks/{id}/ping'].post.responses['200']")
			.doesNotExist();
	}

}
