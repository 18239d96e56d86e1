package dev.scenariohub.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook signing secrets are stored sealed: a copy of the database does not give them
 * away, and the service still signs with them.
 */
@IntegrationTest
class WebhookSecretsTest {

	static final String KEY = "a-key-of-at-least-thirty-two-characters-0001";

	static final String OTHER_KEY = "a-key-of-at-least-thirty-two-characters-0002";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	WebhookRepository webhooks;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private Document stored(Object id) {
		return this.mongo.findById(id, Document.class, WebhookRepository.COLLECTION).block(Duration.ofSeconds(5));
	}

	@Test
	void aRegisteredWebhooksSecretIsStoredSealedAndOpenedForSigning() {
		Map<String, Object> created = ApiClients.as(this.web, "sealed-" + UUID.randomUUID(), "enterprise")
			.post()
			.uri("/api/v1/webhooks")
			.bodyValue(Map.of("url", "http://127.0.0.1:1/hook"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		String secret = (String) created.get("secret");
		assertThat(secret).startsWith("whsec_");

		String inStore = stored(created.get("id")).getString("secret");
		assertThat(inStore).startsWith(WebhookSecrets.PREFIX).doesNotContain(secret.substring("whsec_".length()));
		assertThat(this.webhooks.findById((String) created.get("id")).block(Duration.ofSeconds(5)).secret())
			.isEqualTo(secret);
	}

	@Test
	void aSecretStoredInPlainTextIsSealedAtStartUpAndStillOpens() {
		String id = new ObjectId().toHexString();
		String secret = "whsec_cGxhaW4tdGV4dC1zZWNyZXQtZnJvbS1iZWZvcmU=";
		this.mongo
			.insert(new Webhook(id, "legacy-owner", "http://127.0.0.1:1/legacy", List.of(), secret, Instant.now()),
					WebhookRepository.COLLECTION)
			.block(Duration.ofSeconds(5));

		this.webhooks.sealStoredSecrets();

		assertThat(stored(id).getString("secret")).startsWith(WebhookSecrets.PREFIX).doesNotContain(secret);
		assertThat(this.webhooks.findById(id).block(Duration.ofSeconds(5)).secret()).isEqualTo(secret);
	}

	@Test
	void sealingHidesTheSecretAndIsDifferentEachTime() {
		WebhookSecrets secrets = new WebhookSecrets(KEY, "");
		String first = secrets.seal("whsec_c2VjcmV0");
		String second = secrets.seal("whsec_c2VjcmV0");

		assertThat(first).startsWith(WebhookSecrets.PREFIX).doesNotContain("c2VjcmV0").isNotEqualTo(second);
		assertThat(secrets.open(first)).isEqualTo("whsec_c2VjcmV0");
		assertThat(secrets.open(second)).isEqualTo("whsec_c2VjcmV0");
	}

	@Test
	void afterARotationThePreviousKeyOpensWhatItSealedAndNothingElseDoes() {
		String sealedBefore = new WebhookSecrets(KEY, "").seal("whsec_b2xk");
		WebhookSecrets rotated = new WebhookSecrets(OTHER_KEY, KEY);

		assertThat(rotated.open(sealedBefore)).isEqualTo("whsec_b2xk");
		assertThat(rotated.sealedWithCurrentKey(sealedBefore)).isFalse();
		assertThat(rotated.sealedWithCurrentKey(rotated.seal("whsec_bmV3"))).isTrue();
		assertThatThrownBy(() -> new WebhookSecrets(OTHER_KEY, "").open(sealedBefore))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("neither");
	}

	@Test
	void theServiceNeedsAKeyOfThirtyTwoCharactersOrMore() {
		assertThatThrownBy(() -> new WebhookSecrets("", "")).hasMessageContaining("NOTIFICATIONS_WEBHOOKS_SECRETKEY");
		assertThatThrownBy(() -> new WebhookSecrets("short-key", "")).hasMessageContaining("shorter than 32");
	}

}
