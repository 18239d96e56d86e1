package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.scenariohub.notification.webhook.WebhookApi;
import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.events.Sequences;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.mail.internet.MimeMessage;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks (Standard Webhooks signatures, retries, failure) and e-mail with one-click
 * unsubscribe (mail goes to {@link TestMailbox}).
 */
@IntegrationTest
class WebhookAndMailDeliveryTest {

	/**
	 * What a receiver got, verified as the Standard Webhooks spec says a receiver must.
	 */
	record Received(String id, long timestamp, String body, boolean signatureValid, Map<String, String> headers) {
	}

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	WebTestClient web;

	@BeforeAll
	static void startMailbox() {
		TestMailbox.start();
	}

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			String expected = Base64.getEncoder()
				.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			for (String candidate : signatureHeader.split(" ")) {
				if (candidate.equals("v1," + expected)) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A receiver that fails the first {@code failures} calls with 500, then answers 204.
	 */
	static DisposableServer receiver(String[] secret, int failures, ConcurrentLinkedQueue<Received> received) {
		AtomicInteger calls = new AtomicInteger();
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap(body -> {
					String id = request.requestHeaders().get("webhook-id");
					String timestamp = request.requestHeaders().get("webhook-timestamp");
					Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
					request.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
					received.add(new Received(id, Long.parseLong(timestamp), body,
							verify(secret[0], id, timestamp, body, request.requestHeaders().get("webhook-signature")),
							headers));
					return calls.incrementAndGet() <= failures ? response.status(500).send().then()
							: response.status(204).send().then();
				}))
			.bindNow();
	}

	private Map<String, Object> register(WebTestClient owner, String url) {
		return owner.post()
			.uri("/api/v1/webhooks")
			.bodyValue(Map.of("url", url, "eventTypes", List.of("dev.scenariohub.enterprise.verified.v1")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private void verified(String enterpriseId, String owner) {
		verified(UUID.randomUUID().toString(), enterpriseId, owner);
	}

	private void verified(String eventId, String enterpriseId, String owner) {
		verified(this.kafka, this.publisher, eventId, enterpriseId, owner);
	}

	/** Publishes {@code enterprise.verified} for an owner, which notifies the owner. */
	static void verified(KafkaTemplate<String, byte[]> kafka, CloudEventPublisher publisher, String eventId,
			String enterpriseId, String owner) {
		String json = """
				{"enterpriseId":"%s","name":"Sky Courier","creditCode":"91430111MA4L41YT1U","category":"STARTUP","status":"VERIFIED",
				 "owner":"%s","members":[]}"""
			.formatted(enterpriseId, owner);
		EventSchemas.assertValid("dev.scenariohub.enterprise.verified.v1", json.getBytes(StandardCharsets.UTF_8));
		OutboxEvent event = new OutboxEvent(eventId, "dev.scenariohub.enterprise.verified.v1", enterpriseId, 2,
				Instant.now(), json);
		kafka
			.send(KafkaMessageFactory.<String>createWriter("enterprises", enterpriseId)
				.writeBinary(publisher.toCloudEvent(event)))
			.join();
	}

	@Test
	void aRedirectIsNeitherFollowedNorADelivery() {
		String owner = "hook-owner-" + UUID.randomUUID();
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		AtomicInteger elsewhere = new AtomicInteger();
		DisposableServer target = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			elsewhere.incrementAndGet();
			return response.status(204).send();
		}).bindNow();
		DisposableServer redirecting = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.status(307)
				.header("Location", "http://127.0.0.1:" + target.port() + "/internal")
				.send())
			.bindNow();
		try {
			Map<String, Object> hook = register(client, "http://127.0.0.1:" + redirecting.port() + "/hooks");
			client.post().uri("/api/v1/webhooks/{id}/ping", hook.get("id")).exchange().expectStatus().isAccepted();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> WebhookApi.deliveries(client, hook.get("id"))
					.stream()
					.anyMatch(d -> "FAILED".equals(d.get("status"))));
			assertThat(String.valueOf(WebhookApi.deliveries(client, hook.get("id")).get(0).get("lastError")))
				.contains("307");
			assertThat(elsewhere).as("requests to where the redirect pointed").hasValue(0);
		}
		finally {
			redirecting.disposeNow();
			target.disposeNow();
		}
	}

	@Test
	void aWebhookIsAStructuredCloudEventTheOfficialSdkReads() {
		String owner = "hook-sdk-" + UUID.randomUUID();
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		ConcurrentLinkedQueue<Received> got = new ConcurrentLinkedQueue<>();
		String[] secret = new String[1];
		DisposableServer receiver = receiver(secret, 0, got);
		try {
			secret[0] = (String) register(client, "http://127.0.0.1:" + receiver.port() + "/hooks").get("secret");
			String enterpriseId = new ObjectId().toHexString();
			String eventId = UUID.randomUUID().toString();
			verified(eventId, enterpriseId, owner);
			await().atMost(Duration.ofSeconds(30)).until(() -> got.stream().anyMatch(r -> r.body().contains(eventId)));
			Received delivery = got.stream().filter(r -> r.body().contains(eventId)).findFirst().orElseThrow();

			assertThat(delivery.headers().get("Content-Type")).startsWith("application/cloudevents+json");
			CloudEvent event = HttpMessageFactory
				.createReader(delivery.headers()::forEach, delivery.body().getBytes(StandardCharsets.UTF_8))
				.toEvent();
			assertThat(event.getId()).isEqualTo(eventId);
			assertThat(event.getType()).isEqualTo("dev.scenariohub.enterprise.verified.v1");
			assertThat(event.getSubject()).isEqualTo(enterpriseId);
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(event.getExtension("sequence")).as("a sequence that compares as text")
				.isEqualTo(Sequences.format(2));
			EventSchemas.assertValid(event.getType(), event.getData().toBytes());
		}
		finally {
			receiver.disposeNow();
		}
	}

	@Test
	void aFlakyReceiverGetsSignedRetriesUntilItAnswersWhileADeadOneFails() {
		String owner = "hook-owner-" + UUID.randomUUID();
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		ConcurrentLinkedQueue<Received> flakyGot = new ConcurrentLinkedQueue<>();
		String[] flakySecret = new String[1];
		DisposableServer flaky = receiver(flakySecret, 2, flakyGot);
		try {
			Map<String, Object> flakyHook = register(client, "http://127.0.0.1:" + flaky.port() + "/hooks");
			flakySecret[0] = (String) flakyHook.get("secret");
			assertThat(flakySecret[0]).startsWith("whsec_");
			Map<String, Object> deadHook = register(client, "http://127.0.0.1:9/nobody-listens");
			client.get().uri("/api/v1/webhooks").exchange().expectBody().jsonPath("$[0].secret").doesNotExist();

			String enterpriseId = new ObjectId().toHexString();
			verified(enterpriseId, owner);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> WebhookApi.deliveries(client, flakyHook.get("id"))
					.stream()
					.anyMatch(d -> "DELIVERED".equals(d.get("status"))));
			assertThat(flakyGot).hasSize(3).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
			assertThat(flakyGot.stream().map(Received::id).distinct()).as("one webhook-id across retries").hasSize(1);
			Received first = flakyGot.peek();
			assertThat(first.body()).contains("\"specversion\":\"1.0\"",
					"\"type\":\"dev.scenariohub.enterprise.verified.v1\"", "\"subject\":\"" + enterpriseId + "\"");

			await().atMost(Duration.ofSeconds(30))
				.until(() -> WebhookApi.deliveries(client, deadHook.get("id"))
					.stream()
					.anyMatch(d -> "FAILED".equals(d.get("status"))));
			Map<String, Object> failed = WebhookApi.deliveries(client, deadHook.get("id")).get(0);
			assertThat(failed.get("attempts")).isEqualTo(3);
			try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "notifications")) {
				var event = tap.awaitRecord(
						EventTap.event("dev.scenariohub.notification.failed.v1", (String) failed.get("id")),
						Duration.ofSeconds(20));
				EventSchemas.assertValid("dev.scenariohub.notification.failed.v1", event.value());
				EventSchemas.assertValid("dev.scenariohub.notification.delivered.v1",
						tap.awaitRecord(
								r -> "dev.scenariohub.notification.delivered.v1".equals(EventTap.header(r, "ce_type")),
								Duration.ofSeconds(20))
							.value());
			}
			client.post().uri("/api/v1/webhooks/{id}/ping", flakyHook.get("id")).exchange().expectStatus().isAccepted();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> flakyGot.stream().anyMatch(r -> r.body().contains("webhook.ping")));

			// the same event again: nothing new is sent
			String eventId = UUID.randomUUID().toString();
			String again = new ObjectId().toHexString();
			verified(eventId, again, owner);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> flakyGot.stream().anyMatch(r -> r.body().contains(again)));
			verified(eventId, again, owner);
			String marker = new ObjectId().toHexString();
			verified(marker, owner);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> flakyGot.stream().anyMatch(r -> r.body().contains(marker)));
			assertThat(flakyGot.stream().filter(r -> r.body().contains(again))).hasSize(1);

			client.delete().uri("/api/v1/webhooks/{id}", deadHook.get("id")).exchange().expectStatus().isNoContent();
			ApiClients.as(this.web, "someone-else", "enterprise")
				.delete()
				.uri("/api/v1/webhooks/{id}", flakyHook.get("id"))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		finally {
			flaky.disposeNow();
		}
	}

	@Test
	void webhookTargetsInsideTheNetworkAndBadInputAreRefused() {
		WebTestClient client = ApiClients.as(this.web, "ssrf-" + UUID.randomUUID(), "enterprise");
		for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.8/hook",
				"http://192.168.1.1/", "http://[fd00::1]/hook", "ftp://example.com/x", "not a url",
				"http://user:pw@127.0.0.1/")) {
			client.post()
				.uri("/api/v1/webhooks")
				.bodyValue(Map.of("url", url))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		client.post()
			.uri("/api/v1/webhooks")
			.bodyValue(Map.of("url", "http://127.0.0.1:1/x", "eventTypes", List.of("scenario published")))
			.exchange()
			.expectStatus()
			.isBadRequest();
		client.get().uri("/api/v1/webhooks").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void eMailsCarryAOneClickUnsubscribeThatWorksWithoutLoggingInAndOnlyForItsRecipient() throws Exception {
		String owner = "mail-owner-" + UUID.randomUUID();
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		client.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "en", "email", owner + "@example.com"))
			.exchange()
			.expectStatus()
			.isOk();
		EmailConfirmationTest.confirm(this.web, owner + "@example.com");
		verified(new ObjectId().toHexString(), owner);

		await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(owner).size() == 1);
		MimeMessage mail = messagesTo(owner).get(0);
		assertThat(mail.getSubject()).isEqualTo("Enterprise verified");
		String header = mail.getHeader("List-Unsubscribe")[0];
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);

		String someoneElse = new UnsubscribeLinks("test-secret-for-unsubscribe-links", "x").token("victim",
				"enterprise.verified");
		String forged = token.substring(0, token.indexOf('.')) + someoneElse.substring(someoneElse.indexOf('.'));
		this.web.post()
			.uri("/api/v1/notifications/unsubscribe?token={t}", forged)
			.exchange()
			.expectStatus()
			.isBadRequest();

		this.web.get()
			.uri("/api/v1/notifications/unsubscribe?token={t}", forged)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// following the link (or a mail scanner fetching it) only shows the button
		this.web.get()
			.uri("/api/v1/notifications/unsubscribe?token={t}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("<form method=\"post\""));
		client.get()
			.uri("/api/v1/notification-preferences")
			.exchange()
			.expectBody()
			.jsonPath("$.channels.ENTERPRISE")
			.doesNotExist();

		this.web.post().uri("/api/v1/notifications/unsubscribe?token={t}", token).exchange().expectStatus().isOk();
		client.get()
			.uri("/api/v1/notification-preferences")
			.exchange()
			.expectBody()
			.jsonPath("$.channels.ENTERPRISE")
			.value(channels -> assertThat((List<Object>) channels).doesNotContain((Object) "EMAIL"));

		verified(new ObjectId().toHexString(), owner);
		await().atMost(Duration.ofSeconds(20)).until(() -> inboxSize(client) >= 2);
		assertThat(messagesTo(owner)).as("no e-mail after unsubscribing").hasSize(1);
	}

	/** How many notifications a client's inbox holds now. */
	static int inboxSize(WebTestClient client) {
		Map<String, Object> page = client.get()
			.uri("/api/v1/notifications")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("items")).size();
	}

	/** The mails about events (not the address's confirmation) an owner got. */
	private static List<MimeMessage> messagesTo(String owner) {
		return TestMailbox.messagesTo(owner + "@example.com")
			.stream()
			.filter(m -> !TestMailbox.subject(m).contains("Confirm your e-mail address"))
			.toList();
	}

}
