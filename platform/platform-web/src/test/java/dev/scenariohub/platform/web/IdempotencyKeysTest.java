package dev.scenariohub.platform.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.ResponseEntity;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Retries of a create with one Idempotency-Key, when the first request was cut off or
 * crashed.
 */
class IdempotencyKeysTest {

	record Created(String id) {
	}

	private static MongoClient client;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private ReactiveMongoTemplate mongo;

	private IdempotencyKeys keys;

	private final AtomicInteger creates = new AtomicInteger();

	@BeforeAll
	static void connect() {
		client = MongoClients.create(SharedInfrastructure.get().mongoUri("idempotency-test"));
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void freshDatabase() {
		this.mongo = new ReactiveMongoTemplate(client,
				"idempotency-test-" + UUID.randomUUID().toString().substring(0, 8));
		this.keys = new IdempotencyKeys(this.mongo, JsonMapper.builder().build(), this.clock, Duration.ofDays(1));
	}

	/** A create that takes a moment and answers 201 with a new id each time it runs. */
	private Mono<ResponseEntity<Created>> slowCreate() {
		return Mono.delay(Duration.ofMillis(300)).map(tick -> {
			String id = "thing-" + this.creates.incrementAndGet();
			return ResponseEntity.created(URI.create("/things/" + id)).body(new Created(id));
		});
	}

	private Mono<ResponseEntity<Created>> once(String key) {
		return this.keys.once("caller-1", key, Map.of("name", "x"), Created.class, this::slowCreate);
	}

	@Test
	void aRequestCutOffWhileCreatingStillFinishesAndItsRetryGetsTheFirstResponse() {
		Disposable cutOff = once("k-1").subscribe();
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.mongo.findById("caller-1\nk-1", Document.class, "idempotency-keys").block() != null);
		cutOff.dispose();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> "DONE".equals(this.mongo.findById("caller-1\nk-1", Document.class, "idempotency-keys")
				.map(d -> d.getString("state"))
				.block()));
		ResponseEntity<Created> retry = once("k-1").block(Duration.ofSeconds(5));
		assertThat(retry.getStatusCode().value()).isEqualTo(201);
		assertThat(retry.getBody().id()).isEqualTo("thing-1");
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.creates).hasValue(1);
	}

	@Test
	void aKeyLeftInProgressByACrashIsTakenOverOnceItsLeaseHasRunOut() {
		// a replica claimed the key and died before it created anything
		this.mongo
			.insert(new Document("_id", "caller-1\nk-2").append("requestHash", hashOfTheBody())
				.append("state", "PENDING")
				.append("createdAt", Date.from(this.clock.instant()))
				.append("pendingUntil", Date.from(this.clock.instant().plus(IdempotencyKeys.PENDING_LEASE))),
					"idempotency-keys")
			.block();
		assertThatThrownBy(() -> once("k-2").block()).isInstanceOf(ApiException.class)
			.satisfies(ex -> assertThat(((ApiException) ex).status().value()).isEqualTo(409));

		this.clock.advance(IdempotencyKeys.PENDING_LEASE.plusSeconds(1));
		ResponseEntity<Created> retry = once("k-2").block(Duration.ofSeconds(5));
		assertThat(retry.getStatusCode().value()).isEqualTo(201);
		assertThat(once("k-2").block(Duration.ofSeconds(5)).getBody()).isEqualTo(retry.getBody());
		assertThat(this.creates).hasValue(1);
	}

	private String hashOfTheBody() {
		return this.keys.hash(Map.of("name", "x"));
	}

}
