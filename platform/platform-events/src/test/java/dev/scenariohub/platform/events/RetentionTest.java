package dev.scenariohub.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {

	private static final Duration KEEP = Duration.ofDays(30);

	private static MongoClient client;

	private ReactiveMongoTemplate mongo;

	private MutableClock clock;

	private String collection;

	private Retention retention;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(SharedInfrastructure.get().mongoUri("retention-test"));
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void setUp() {
		this.mongo = new ReactiveMongoTemplate(client, "retention-test");
		this.clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
		this.collection = "kept-" + UUID.randomUUID();
		this.retention = new Retention(this.mongo, List.of(new RetentionRule(this.collection, "doneAt", KEEP)),
				this.clock);
	}

	@Test
	void deletesWhatIsOlderThanTheRuleKeepsAndNothingElse() {
		Instant now = this.clock.instant();
		insert("old", now.minus(KEEP).minusSeconds(1), false);
		insert("just-young-enough", now.minus(KEEP).plusSeconds(1), false);
		insert("not-done", null, false);
		insert("old-with-events-still-to-publish", now.minus(Duration.ofDays(90)), true);

		assertThat(this.retention.prune().block()).isEqualTo(1);

		assertThat(ids()).containsExactlyInAnyOrder("just-young-enough", "not-done",
				"old-with-events-still-to-publish");
	}

	@Test
	void oneRoundDeletesMoreThanABatch() {
		Instant old = this.clock.instant().minus(KEEP).minus(Duration.ofDays(1));
		this.mongo
			.insert(IntStream.range(0, Retention.BATCH * 2 + 7)
				.mapToObj(i -> new Document("_id", "d" + i).append("doneAt", Date.from(old)))
				.toList(), this.collection)
			.blockLast();

		assertThat(this.retention.prune().block()).isEqualTo(Retention.BATCH * 2 + 7);
		assertThat(ids()).isEmpty();
	}

	@Test
	void aRetentionMustBePositive() {
		assertThatThrownBy(() -> new RetentionRule("c", "t", Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private void insert(String id, Instant doneAt, boolean pendingEvents) {
		Document doc = new Document("_id", id);
		if (doneAt != null) {
			doc.append("doneAt", Date.from(doneAt));
		}
		if (pendingEvents) {
			doc.append(AggregateStore.OUTBOX, List.of(new Document("id", "e1")))
				.append(AggregateStore.OUTBOX_SINCE, Date.from(this.clock.instant()));
		}
		this.mongo.insert(doc, this.collection).block();
	}

	private List<String> ids() {
		return this.mongo.find(new Query(), Document.class, this.collection)
			.map(doc -> doc.getString("_id"))
			.collectList()
			.block();
	}

}
