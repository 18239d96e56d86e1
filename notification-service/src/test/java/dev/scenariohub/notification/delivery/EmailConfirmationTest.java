package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.SharedInfrastructure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An e-mail address gets nothing but its confirmation link until the person who set it
 * follows that link, so nobody can make the platform mail someone else.
 */
@IntegrationTest
class EmailConfirmationTest {

	static final Pattern LINK = Pattern.compile("/api/v1/notifications/email-confirmation\\?token=([A-Za-z0-9_.-]+)");

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

	@Test
	void noMailGoesToAnAddressBeforeItIsConfirmedByTheLinkSentThere() {
		String owner = "confirm-" + UUID.randomUUID();
		String address = owner + "@example.com";
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		client.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "en", "email", address))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.emailConfirmed")
			.isEqualTo(false)
			.jsonPath("$.confirmedEmail")
			.doesNotExist();
		WebhookAndMailDeliveryTest.verified(this.kafka, this.publisher, UUID.randomUUID().toString(),
				new ObjectId().toHexString(), owner);

		await().atMost(Duration.ofSeconds(30)).until(() -> WebhookAndMailDeliveryTest.inboxSize(client) == 1);
		MimeMessage confirmation = await().atMost(Duration.ofSeconds(30))
			.until(() -> TestMailbox.messagesTo(address), mails -> !mails.isEmpty())
			.get(0);
		assertThat(TestMailbox.subject(confirmation)).contains("Confirm your e-mail address");
		assertThat(header(confirmation, "List-Unsubscribe")).as("nothing to unsubscribe from").isNull();
		assertThat(TestMailbox.messagesTo(address)).as("the notification of the event was not mailed").hasSize(1);

		String token = tokenIn(confirmation);
		this.web.get()
			.uri("/api/v1/notifications/email-confirmation?token={t}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("<form method=\"post\"").contains(address));
		assertEmailConfirmed(client, false);

		String unsubscribe = new UnsubscribeLinks("test-secret-for-unsubscribe-links", "x").token(owner, address);
		String forged = token.substring(0, token.indexOf('.')) + unsubscribe.substring(unsubscribe.indexOf('.'));
		for (String bad : List.of(unsubscribe, forged, "x.y", token + "x")) {
			this.web.post()
				.uri("/api/v1/notifications/email-confirmation?token={t}", bad)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}

		this.web.post()
			.uri("/api/v1/notifications/email-confirmation?token={t}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CONFIRMED");
		assertEmailConfirmed(client, true);
		try (EventTap outcomes = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "notifications")) {
			WebhookAndMailDeliveryTest.verified(this.kafka, this.publisher, UUID.randomUUID().toString(),
					new ObjectId().toHexString(), owner);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(TestMailbox.messagesTo(address)).extracting(TestMailbox::subject)
					.contains("Enterprise verified"));
			outcomes.awaitRecord(r -> about(r, owner) && about(r, "EMAIL") && about(r, "enterprise.verified"),
					Duration.ofSeconds(30));
			assertThat(outcomes.records()).as("the confirmation mail was no notification's delivery")
				.noneMatch(r -> about(r, owner) && about(r, "email-confirmation"));
		}
	}

	private static boolean about(ConsumerRecord<String, byte[]> record, String text) {
		return new String(record.value(), StandardCharsets.UTF_8).contains(text);
	}

	private static String[] header(MimeMessage message, String name) {
		try {
			return message.getHeader(name);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aLinkForAnAddressNoLongerInThePreferencesConfirmsNothing() {
		String owner = "reconfirm-" + UUID.randomUUID();
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		setEmail(client, owner + "@example.com");
		String first = tokenIn(await().atMost(Duration.ofSeconds(30))
			.until(() -> TestMailbox.messagesTo(owner + "@example.com"), mails -> !mails.isEmpty())
			.get(0));
		setEmail(client, owner + "@example.org");

		this.web.post()
			.uri("/api/v1/notifications/email-confirmation?token={t}", first)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		client.get()
			.uri("/api/v1/notification-preferences")
			.exchange()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(owner + "@example.org")
			.jsonPath("$.emailConfirmed")
			.isEqualTo(false);
	}

	@Test
	void askingAgainAndAgainSendsAtMostOneLinkPerAddressInTenMinutes() {
		String owner = "flood-" + UUID.randomUUID();
		String address = owner + "@example.com";
		WebTestClient client = ApiClients.as(this.web, owner, "enterprise");
		client.post()
			.uri("/api/v1/notification-preferences/email-confirmation")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		setEmail(client, address);
		for (int i = 0; i < 5; i++) {
			setEmail(client, address);
			client.post()
				.uri("/api/v1/notification-preferences/email-confirmation")
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.email")
				.isEqualTo(address);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !TestMailbox.messagesTo(address).isEmpty());
		// the ten-minute windows are fixed, so a run across a boundary may send a second
		// one
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> TestMailbox.messagesTo(address).size() <= 2);

		confirm(this.web, address);
		client.post()
			.uri("/api/v1/notification-preferences/email-confirmation")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	private static void assertEmailConfirmed(WebTestClient client, boolean confirmed) {
		client.get()
			.uri("/api/v1/notification-preferences")
			.exchange()
			.expectBody()
			.jsonPath("$.emailConfirmed")
			.isEqualTo(confirmed);
	}

	/** Follows the newest confirmation link mailed to an address. */
	static void confirm(WebTestClient anonymous, String address) {
		List<MimeMessage> links = await().atMost(Duration.ofSeconds(30))
			.until(() -> TestMailbox.messagesTo(address)
				.stream()
				.filter(m -> TestMailbox.subject(m).contains("Confirm your e-mail address"))
				.toList(), mails -> !mails.isEmpty());
		anonymous.post()
			.uri("/api/v1/notifications/email-confirmation?token={t}", tokenIn(links.get(links.size() - 1)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static void setEmail(WebTestClient client, String address) {
		client.put()
			.uri("/api/v1/notification-preferences")
			.bodyValue(Map.of("locale", "en", "email", address))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String tokenIn(MimeMessage mail) {
		Matcher link = LINK.matcher(TestMailbox.body(mail));
		assertThat(link.find()).as("a confirmation link in %s", TestMailbox.body(mail)).isTrue();
		return link.group(1);
	}

}
