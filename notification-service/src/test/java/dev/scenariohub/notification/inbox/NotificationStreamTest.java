package dev.scenariohub.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.IntegrationTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class NotificationStreamTest {

	@Autowired
	NotificationRepository inbox;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private Notification notification(String recipient, String title) {
		return new Notification(new ObjectId().toHexString(), recipient, "dev.scenariohub.scenario.closed.v1", title,
				"body", "/api/v1/scenarios/x", UUID.randomUUID().toString(), "zh-CN", Instant.now(), null);
	}

	private Flux<ServerSentEvent<Notification>> stream(String sub, String lastEventId) {
		WebTestClient.RequestHeadersSpec<?> request = ApiClients.as(this.web, sub, "enterprise")
			.get()
			.uri("/api/v1/notifications/stream")
			.accept(MediaType.TEXT_EVENT_STREAM);
		if (lastEventId != null) {
			request = request.header("Last-Event-ID", lastEventId);
		}
		return request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Notification>>() {
			})
			.getResponseBody()
			.filter(e -> e.data() != null);
	}

	@Autowired
	NotificationStream streams;

	@Test
	void aClientThatDoesNotReadIsDroppedInsteadOfBufferingWithoutBound() {
		String sub = "slow-" + UUID.randomUUID();
		Instant now = Instant.now().plusSeconds(1);
		Flux.range(0, 400)
			.concatMap(i -> this.inbox
				.deliver(new Notification(new ObjectId().toHexString(), sub, "dev.scenariohub.scenario.closed.v1",
						"n" + i, "b", "/x", UUID.randomUUID().toString(), "zh-CN", now.plusMillis(i), null)))
			.blockLast();
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(sub).build();
		// Last-Event-ID before them all: everything is replayed at once to a client that
		// reads nothing;
		// the stream holds at most its buffer, stops reading the inbox, and ends with an
		// overflow error
		StepVerifier.create(this.streams.stream(jwt, (now.toEpochMilli() - 1) + ":" + "0".repeat(24)), 0)
			.thenAwait(Duration.ofSeconds(2))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(256)
			.expectErrorSatisfies(error -> assertThat(Exceptions.isOverflow(error)).isTrue())
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aUserHasAtMostFiveStreamsOpenAndASixthIsRefusedUntilOneCloses() {
		String sub = "tabs-" + UUID.randomUUID();
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(sub).build();
		List<Disposable> tabs = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				tabs.add(connected(jwt));
			}
			ApiClients.as(this.web, sub, "enterprise")
				.get()
				.uri("/api/v1/notifications/stream")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isEqualTo(429)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://scenariohub.dev/problems/too-many-streams");
			Jwt someoneElse = Jwt.withTokenValue("t").header("alg", "none").subject("other-" + sub).build();
			connected(someoneElse).dispose();

			tabs.remove(0).dispose();
			// closing a tab frees its slot a moment later
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> tabs.add(connected(jwt)));
		}
		finally {
			tabs.forEach(Disposable::dispose);
		}
	}

	/** Opens a stream and waits until it is connected (it has taken one of the slots). */
	private Disposable connected(Jwt jwt) {
		CompletableFuture<Object> first = new CompletableFuture<>();
		Disposable stream = this.streams.stream(jwt, null).subscribe(first::complete, first::completeExceptionally);
		try {
			first.get(10, TimeUnit.SECONDS);
			return stream;
		}
		catch (Exception ex) {
			stream.dispose();
			throw new AssertionError("the stream did not connect", ex);
		}
	}

	@Test
	void anIdleStreamIsKeptAliveByHeartbeats() {
		// heartbeats come every second in tests (notifications.stream.heartbeat)
		StepVerifier.create(ApiClients.as(this.web, "idle-" + UUID.randomUUID(), "enterprise")
			.get()
			.uri("/api/v1/notifications/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Notification>>() {
			})
			.getResponseBody()
			.filter(e -> "heartbeat".equals(e.comment()))
			.take(2)).expectNextCount(2).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void aNewNotificationArrivesWithinASecondAndAReconnectReplaysWhatWasMissed() {
		String sub = "stream-" + UUID.randomUUID();
		Flux<ServerSentEvent<Notification>> live = stream(sub, null);
		long[] storedAt = new long[1];
		ServerSentEvent<Notification> first = live.doOnSubscribe(s -> {
			storedAt[0] = System.nanoTime();
			this.inbox.deliver(notification(sub, "first")).subscribe();
		}).blockFirst(Duration.ofSeconds(5));
		long latency = Duration.ofNanos(System.nanoTime() - storedAt[0]).toMillis();
		assertThat(first.data().title()).isEqualTo("first");
		assertThat(latency).as("milliseconds from store to stream").isLessThan(1000);

		// missed while disconnected
		this.inbox.deliver(notification(sub, "second")).block();
		this.inbox.deliver(notification(sub, "third")).block();
		StepVerifier.create(stream(sub, first.id()).map(e -> e.data().title()).take(2))
			.expectNext("second", "third")
			.verifyComplete();
	}

}
