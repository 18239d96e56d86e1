package dev.scenariohub.notification.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import dev.scenariohub.notification.webhook.Webhook;
import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.platform.test.IntegrationTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that accepts connections and never says a word: e-mails end FAILED after
 * their attempts (each bounded by the SMTP timeouts), and webhook deliveries keep flowing
 * meanwhile.
 */
@IntegrationTest
@DirtiesContext
class HungReceiversTest {

	/** Accepts every connection and keeps it open, silent. */
	static final ServerSocket SILENT;

	static final ConcurrentLinkedQueue<Socket> HELD = new ConcurrentLinkedQueue<>();

	static {
		try {
			SILENT = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(() -> {
			while (!SILENT.isClosed()) {
				try {
					HELD.add(SILENT.accept());
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "silent-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();

	static final DisposableServer RECEIVER = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.doOnNext(RECEIVED::add)
			.then(response.status(204).send()))
		.bindNow();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SILENT::getLocalPort);
		registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "1000");
		registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "1000");
		registry.add("spring.mail.properties[mail.smtp.writetimeout]", () -> "1000");
		// a context of its own: its consumers must not take partitions from the shared
		// context's group
		registry.add("spring.cloud.stream.default.group", () -> "notification-service-hung-smtp");
	}

	@AfterAll
	static void stop() throws IOException {
		RECEIVER.disposeNow();
		SILENT.close();
		for (Socket socket : HELD) {
			socket.close();
		}
	}

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	WebhookRepository webhooks;

	private static Delivery.Content content(String eventId, String body) {
		return new Delivery.Content(eventId, "dev.scenariohub.enterprise.verified.v1", "enterprise.verified",
				"Enterprise verified", body);
	}

	@Test
	void webhooksKeepFlowingWhileEMailsToAHungServerFailAfterTheirAttempts() {
		Instant now = Instant.now();
		List<String> mails = IntStream.range(0, 8).mapToObj(i -> new ObjectId().toHexString()).toList();
		for (String id : mails) {
			this.deliveries
				.enqueue(Delivery.pending(id, DeliveryChannel.EMAIL, "mail-owner", "owner@example.com",
						content(id, "hello"), now))
				.block();
		}
		Webhook hook = this.webhooks
			.insert(new Webhook(new ObjectId().toHexString(), "hook-owner", "http://127.0.0.1:" + RECEIVER.port() + "/",
					List.of(), "whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", now))
			.block();
		await().atMost(Duration.ofSeconds(5)).until(() -> HELD.size() >= 4);
		List<String> hooks = IntStream.range(0, 5).mapToObj(i -> new ObjectId().toHexString()).toList();
		for (String id : hooks) {
			this.deliveries.enqueue(Delivery.pending(id, DeliveryChannel.WEBHOOK, "hook-owner", hook.id(),
					content(id, "{\"marker\":\"" + id + "\"}"), Instant.now()))
				.block();
		}

		await().atMost(Duration.ofSeconds(5))
			.until(() -> hooks.stream().allMatch(id -> RECEIVED.stream().anyMatch(body -> body.contains(id))));
		assertThat(this.deliveries.ofTarget("owner@example.com", 100).collectList().block())
			.as("the e-mails are still being tried while the webhooks went out")
			.noneMatch(d -> d.status() == DeliveryStatus.FAILED);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.deliveries.ofTarget("owner@example.com", 100)
				.collectList()
				.block()
				.stream()
				.filter(d -> d.status() == DeliveryStatus.FAILED)
				.count() == mails.size());
		assertThat(this.deliveries.ofTarget("owner@example.com", 100).collectList().block())
			.allSatisfy(d -> assertThat(d.attempts()).isEqualTo(3));
	}

	@Test
	void aHungWebhookReceiverDoesNotHoldUpOtherReceivers() {
		Instant now = Instant.now();
		Webhook hung = this.webhooks
			.insert(new Webhook(new ObjectId().toHexString(), "hung-owner",
					"http://127.0.0.1:" + SILENT.getLocalPort() + "/", List.of(),
					"whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", now))
			.block();
		Webhook healthy = this.webhooks
			.insert(new Webhook(new ObjectId().toHexString(), "healthy-owner",
					"http://127.0.0.1:" + RECEIVER.port() + "/", List.of(),
					"whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", now))
			.block();
		for (int i = 0; i < 40; i++) {
			String id = new ObjectId().toHexString();
			this.deliveries
				.enqueue(Delivery.pending(id, DeliveryChannel.WEBHOOK, "hung-owner", hung.id(), content(id, "{}"), now))
				.block();
		}
		List<String> others = IntStream.range(0, 5).mapToObj(i -> new ObjectId().toHexString()).toList();
		for (String id : others) {
			this.deliveries.enqueue(Delivery.pending(id, DeliveryChannel.WEBHOOK, "healthy-owner", healthy.id(),
					content(id, "{\"marker\":\"" + id + "\"}"), Instant.now()))
				.block();
		}

		await().atMost(Duration.ofSeconds(4))
			.until(() -> others.stream().allMatch(id -> RECEIVED.stream().anyMatch(body -> body.contains(id))));
	}

}
