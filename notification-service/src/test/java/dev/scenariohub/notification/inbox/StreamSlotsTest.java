package dev.scenariohub.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas (two {@link StreamSlots} on one store) share each user's limit of open
 * streams.
 */
@IntegrationTest
class StreamSlotsTest {

	static final Duration LEASE = Duration.ofSeconds(60);

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	NotificationRepository inbox;

	@Test
	void twoReplicasShareAUsersSlotsAndADeadReplicasSlotsFreeThemselves() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
		StreamSlots a = new StreamSlots(this.mongo, 2, LEASE, clock);
		StreamSlots b = new StreamSlots(this.mongo, 2, LEASE, clock);
		String user = "replicas-" + UUID.randomUUID();

		String first = a.take(user, "tab-1").block();
		String second = b.take(user, "tab-2").block();
		assertThat(first).isNotNull();
		assertThat(second).isNotNull().isNotEqualTo(first);
		assertThat(a.take(user, "tab-3").blockOptional()).as("a third stream, on either replica").isEmpty();
		assertThat(b.take(user, "tab-3").blockOptional()).isEmpty();
		assertThat(a.take("someone-else-" + user, "tab-1").blockOptional()).as("another user's slots").isPresent();

		b.release(second, "tab-2").block();
		a.release(first, "not-its-holder").block();
		assertThat(a.take(user, "tab-3").block()).as("the freed slot, and only that one").isEqualTo(second);

		// the replica holding tab-1 and tab-3 dies: nothing renews their leases
		clock.advance(LEASE.plusSeconds(1));
		assertThat(b.take(user, "tab-4").block()).isEqualTo(first);
		assertThat(b.take(user, "tab-5").block()).isEqualTo(second);
		assertThat(a.take(user, "tab-6").blockOptional()).isEmpty();
	}

	@Test
	void aUsersSixthStreamIsRefusedOnAnotherReplicaToo() {
		NotificationStream replicaA = replica();
		NotificationStream replicaB = replica();
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("two-replicas-" + UUID.randomUUID()).build();
		List<Disposable> tabs = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				tabs.add(replicaA.stream(jwt, null).subscribe());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> slotsHeldBy(jwt.getSubject()) == 5);
			StepVerifier.create(replicaB.stream(jwt, null))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiException.class)
					.hasMessageContaining("5 notification streams open"))
				.verify(Duration.ofSeconds(10));
		}
		finally {
			tabs.forEach(Disposable::dispose);
		}
	}

	/** A replica's stream endpoint, with its own slots on the shared store. */
	private NotificationStream replica() {
		return new NotificationStream(this.inbox, Duration.ofSeconds(1), Duration.ofSeconds(15), 16,
				new StreamSlots(this.mongo, 5, LEASE, Clock.systemUTC()), new SimpleMeterRegistry());
	}

	private long slotsHeldBy(String user) {
		return this.mongo
			.count(Query.query(Criteria.where("_id").in(IntStream.range(0, 5).mapToObj(n -> user + "#" + n).toList())),
					StreamSlots.COLLECTION)
			.block();
	}

	@Test
	void manyStreamsOpeningAtOnceOnTwoReplicasGetNoMoreThanTheLimit() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
		StreamSlots a = new StreamSlots(this.mongo, 3, LEASE, clock);
		StreamSlots b = new StreamSlots(this.mongo, 3, LEASE, clock);
		String user = "burst-" + UUID.randomUUID();

		List<String> taken = Flux.range(0, 20)
			.flatMap(i -> (i % 2 == 0 ? a : b).take(user, "tab-" + i).subscribeOn(Schedulers.parallel()), 20)
			.filter(Objects::nonNull)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(taken).hasSize(3).doesNotHaveDuplicates();
	}

}
