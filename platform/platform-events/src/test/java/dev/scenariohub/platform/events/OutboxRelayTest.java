package dev.scenariohub.platform.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.Assertions;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static MongoClient client;

	private static KafkaTemplate<String, byte[]> kafka;

	private ReactiveMongoTemplate mongo;

	private MutableClock clock;

	private String collection;

	private String topic;

	private CloudEventPublisher publisher;

	record Renamed(String name, int step) {
	}

	@BeforeAll
	static void connect() {
		SharedInfrastructure infrastructure = SharedInfrastructure.get();
		client = MongoClients.create(infrastructure.mongoUri("outbox-test"));
		kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				infrastructure.kafkaBootstrapServers(), ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
	}

	@AfterAll
	static void disconnect() {
		kafka.destroy();
		client.close();
	}

	@BeforeEach
	void freshCollectionAndTopic() {
		this.mongo = new ReactiveMongoTemplate(client, "outbox-test");
		this.clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.collection = "things-" + suffix;
		this.topic = "things-" + suffix;
		this.publisher = new CloudEventPublisher(kafka, URI.create("/test-service"));
		kafka.execute(producer -> producer.partitionsFor(this.topic));
	}

	private OutboxRelay relay() {
		return new OutboxRelay(this.mongo, this.publisher, this.collection, this.topic, LEASE, this.clock);
	}

	private AggregateStore store(OutboxRelays relays) {
		return new AggregateStore(this.mongo, JsonMapper.builder().build(), relays, this.clock);
	}

	private static PendingEvent renamed(String name, int step) {
		return new PendingEvent(EventType.of("thing", "renamed", 1), new Renamed(name, step), "tester");
	}

	private EventTap tap() {
		return EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), this.topic);
	}

	private List<Document> pendingOutboxes() {
		return this.mongo.find(Query.query(Criteria.where("outbox.0").exists(true)), Document.class, this.collection)
			.collectList()
			.block();
	}

	@Test
	void publishesRightAfterSaveAsCloudEventAndEmptiesTheOutbox() {
		OutboxRelays relays = new OutboxRelays(List.of(relay()), Duration.ZERO, 100);
		store(relays).insert(this.collection, "t-1", Map.of("name", "first"), List.of(renamed("first", 1))).block();

		try (EventTap tap = tap()) {
			ConsumerRecord<String, byte[]> record = tap
				.awaitRecord(EventTap.event("dev.scenariohub.thing.renamed.v1", "t-1"), Duration.ofSeconds(20));
			assertThat(record.key()).isEqualTo("t-1");
			assertThat(EventTap.header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(EventTap.header(record, "ce_source")).isEqualTo("/test-service");
			assertThat(EventTap.header(record, "ce_sequence")).isEqualTo("0000000000000000001");
			assertThat(EventTap.header(record, "ce_time")).startsWith("2026-03-01T08:00");
			assertThat(EventTap.header(record, "content-type")).isEqualTo("application/json");
			assertThat(new String(record.value())).isEqualTo("{\"name\":\"first\",\"step\":1}");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutboxes().isEmpty());
	}

	@Test
	void eventsLeftByACrashBetweenSaveAndPublishAreSweptUpLater() {
		// The process "crashes" right after the save: no relay is registered, nothing is
		// triggered.
		OutboxRelays crashed = new OutboxRelays(List.of(), Duration.ZERO, 100);
		store(crashed).insert(this.collection, "t-2", Map.of("name", "a"), List.of(renamed("a", 1))).block();
		// And a relay that claimed another document died before it released it.
		store(crashed).insert(this.collection, "t-3", Map.of("name", "b"), List.of(renamed("b", 1))).block();
		Document dead = this.mongo.findById("t-3", Document.class, this.collection).block();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("t-3")), new Update().set("lease",
				new Document("owner", "dead-relay").append("until", Date.from(this.clock.instant().plus(LEASE)))),
				this.collection)
			.block();
		assertThat(dead).isNotNull();

		OutboxRelays restarted = new OutboxRelays(List.of(relay()), Duration.ZERO, 100);
		assertThat(restarted.sweepOnce().block()).as("the lease of the dead relay is still live").isEqualTo(1L);
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(restarted.sweepOnce().block()).as("after the lease expired").isEqualTo(1L);

		try (EventTap tap = tap()) {
			tap.awaitRecord(EventTap.event("dev.scenariohub.thing.renamed.v1", "t-2"), Duration.ofSeconds(20));
			tap.awaitRecord(EventTap.event("dev.scenariohub.thing.renamed.v1", "t-3"), Duration.ofSeconds(20));
		}
		assertThat(pendingOutboxes()).isEmpty();
	}

	@Test
	void twoRelaysNeverPublishTheSameEventTwiceAndKeepEachAggregatesOrder() {
		OutboxRelays none = new OutboxRelays(List.of(), Duration.ZERO, 100);
		AggregateStore store = store(none);
		int aggregates = 20;
		int eventsEach = 5;
		for (int a = 0; a < aggregates; a++) {
			String id = "agg-" + a;
			store.insert(this.collection, id, Map.of("name", "v0"), List.of(renamed("v0", 0))).block();
			for (int step = 1; step < eventsEach; step++) {
				store.update(this.collection, id, step, Map.of("name", "v" + step), List.of(renamed("v" + step, step)))
					.block();
			}
		}

		OutboxRelay first = relay();
		OutboxRelay second = relay();
		Long published = Flux.merge(first.sweep(1000), second.sweep(1000), first.sweep(1000), second.sweep(1000))
			.reduce(0L, Long::sum)
			.block();

		int total = aggregates * eventsEach;
		assertThat(published).isEqualTo(total);
		try (EventTap tap = tap()) {
			await().atMost(Duration.ofSeconds(20)).until(() -> tap.records().size() >= total);
			List<ConsumerRecord<String, byte[]>> records = tap.records();
			Map<String, Long> copiesPerId = records.stream()
				.collect(Collectors.groupingBy(r -> EventTap.header(r, "ce_id"), Collectors.counting()));
			assertThat(copiesPerId).hasSize(total).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1L));

			Map<String, List<Long>> sequencesPerKey = records.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors
					.mapping(r -> Long.parseLong(EventTap.header(r, "ce_sequence")), Collectors.toList())));
			List<Long> expected = IntStream.rangeClosed(1, eventsEach).mapToObj(i -> (long) i).toList();
			assertThat(sequencesPerKey).hasSize(aggregates)
				.allSatisfy((key, sequences) -> assertThat(sequences).isEqualTo(expected));
		}
		assertThat(pendingOutboxes()).isEmpty();
	}

	@Test
	void eventsSavedWhileARelayHoldsTheDocumentArePublishedAfterTheEarlierOnes() {
		OutboxRelays relays = new OutboxRelays(List.of(relay()), Duration.ZERO, 100);
		AggregateStore store = store(relays);
		store.insert(this.collection, "busy", Map.of("name", "v0"), List.of(renamed("v0", 0))).block();
		List<Mono<Long>> saves = new ArrayList<>();
		for (int step = 1; step < 30; step++) {
			saves.add(store.update(this.collection, "busy", step, Map.of("name", "v" + step),
					List.of(renamed("v" + step, step))));
		}
		Flux.concat(saves).blockLast();

		try (EventTap tap = tap()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> tap.records().stream().filter(r -> "busy".equals(r.key())).count() >= 30);
			List<Long> sequences = tap.records()
				.stream()
				.filter(r -> "busy".equals(r.key()))
				.map(r -> Long.parseLong(EventTap.header(r, "ce_sequence")))
				.toList();
			// at least once: a repeat is allowed, going back is not
			assertThat(sequences.stream().distinct().toList())
				.isEqualTo(IntStream.rangeClosed(1, 30).mapToObj(i -> (long) i).toList());
			assertThat(sequences).isSorted();
		}
	}

	/**
	 * Each store command is a round trip the whole pipeline waits for: relaying what one
	 * save raised is a claim and a release, nothing more, when no other save came in
	 * between.
	 */
	@Test
	void relayingTheEventsOfOneSaveTakesAClaimAndARelease() {
		AggregateStore store = store(new OutboxRelays(List.of(), Duration.ZERO, 100));
		store.insert(this.collection, "r-1", Map.of("name", "a"), List.of(renamed("a", 1), renamed("b", 2))).block();
		List<String> commands = new CopyOnWriteArrayList<>();
		CommandListener counter = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (event.getCommand().containsKey(event.getCommandName())
						&& event.getCommand().get(event.getCommandName()).isString()
						&& collection.equals(event.getCommand().getString(event.getCommandName()).getValue())) {
					commands.add(event.getCommandName());
				}
			}
		};
		try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(SharedInfrastructure.get().mongoUri("outbox-test")))
			.addCommandListener(counter)
			.build())) {
			OutboxRelay relay = new OutboxRelay(new ReactiveMongoTemplate(counted, "outbox-test"), this.publisher,
					this.collection, this.topic, LEASE, this.clock);

			assertThat(relay.relay("r-1").block()).isEqualTo(2L);
		}
		assertThat(commands).containsExactly("findAndModify", "update");
		assertThat(document("r-1")).doesNotContainKeys(AggregateStore.OUTBOX_SINCE, AggregateStore.LEASE);
		assertThat(pendingOutboxes()).isEmpty();
	}

	@Test
	void savingWithoutEventsAsksTheRelayForNothing() {
		List<String> relayed = new CopyOnWriteArrayList<>();
		OutboxRelay relay = new OutboxRelay(this.mongo, this.publisher, this.collection, this.topic, LEASE,
				this.clock) {
			@Override
			public Mono<Long> relay(String aggregateId) {
				relayed.add(aggregateId);
				return super.relay(aggregateId);
			}
		};
		AggregateStore store = store(new OutboxRelays(List.of(relay), Duration.ZERO, 100));

		store.insert(this.collection, "quiet", Map.of("name", "draft"), List.of()).block();
		store.update(this.collection, "quiet", 1, Map.of("name", "still a draft"), List.of()).block();
		store.insert(this.collection, "told", Map.of("name", "a"), List.of(renamed("a", 1))).block();

		assertThat(relayed).containsExactly("told");
	}

	@Test
	void documentsAreMarkedWhileTheirOutboxHoldsEventsAndUnmarkedOldOnesAreFoundAfterPrepare() {
		AggregateStore store = store(new OutboxRelays(List.of(), Duration.ZERO, 100));
		store.insert(this.collection, "m-1", Map.of("name", "a"), List.of(renamed("a", 1))).block();
		assertThat(document("m-1").get(AggregateStore.OUTBOX_SINCE)).isInstanceOf(Date.class);
		// written before documents were marked: events in the outbox, no mark
		store.insert(this.collection, "legacy", Map.of("name", "b"), List.of(renamed("b", 1))).block();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is("legacy")),
					new Update().unset(AggregateStore.OUTBOX_SINCE), this.collection)
			.block();
		OutboxRelay relay = relay();

		assertThat(relay.sweep(100).block()).as("only the marked document is claimed").isEqualTo(1L);
		assertThat(document("m-1")).doesNotContainKey(AggregateStore.OUTBOX_SINCE);

		relay.prepare().block();
		assertThat(relay.sweep(100).block()).as("after prepare").isEqualTo(1L);
		assertThat(pendingOutboxes()).isEmpty();
		assertThat(document("legacy")).doesNotContainKey(AggregateStore.OUTBOX_SINCE);
	}

	private Document document(String id) {
		return this.mongo.findById(id, Document.class, this.collection).block();
	}

	@Test
	void aStaleVersionIsRefusedAndStoresNoEvent() {
		OutboxRelays none = new OutboxRelays(List.of(), Duration.ZERO, 100);
		AggregateStore store = store(none);
		store.insert(this.collection, "t-9", Map.of("name", "a"), List.of(renamed("a", 1))).block();
		store.update(this.collection, "t-9", 1, Map.of("name", "b"), List.of(renamed("b", 2))).block();

		Mono<Long> stale = store.update(this.collection, "t-9", 1, Map.of("name", "c"), List.of(renamed("c", 3)));

		Assertions.assertThatThrownBy(stale::block).isInstanceOf(OptimisticLockingFailureException.class);
		Document doc = this.mongo.findById("t-9", Document.class, this.collection).block();
		assertThat(doc.getString("name")).isEqualTo("b");
		assertThat(doc.getList("outbox", Document.class)).extracting(d -> d.getString("data"))
			.containsExactly("{\"name\":\"a\",\"step\":1}", "{\"name\":\"b\",\"step\":2}");
		assertThat(doc.get("version", Number.class).longValue()).isEqualTo(2L);
	}

	/** A broker that refuses one aggregate's events and takes everyone else's. */
	private CloudEventPublisher failingFor(String poisoned) {
		return new CloudEventPublisher(kafka, URI.create("/test-service")) {
			@Override
			public Mono<Void> publish(String topic, List<OutboxEvent> events) {
				if (events.stream().anyMatch(e -> e.subject().equals(poisoned))) {
					return Mono.error(new IllegalStateException("the broker refused " + poisoned));
				}
				return super.publish(topic, events);
			}
		};
	}

	@Test
	void aDocumentThatFailsToPublishIsRetriedWithBackOffWhileEveryOtherAggregateDrainsInOrder() {
		AggregateStore store = store(new OutboxRelays(List.of(), Duration.ZERO, 100));
		List<String> healthy = IntStream.range(0, 5).mapToObj(i -> "ok-" + i).toList();
		store.insert(this.collection, "poison", Map.of("name", "p"), List.of(renamed("p", 1))).block();
		for (String id : healthy) {
			store.insert(this.collection, id, Map.of("name", "v0"), List.of(renamed("v0", 0))).block();
			store.update(this.collection, id, 1, Map.of("name", "v1"), List.of(renamed("v1", 1))).block();
		}
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		OutboxRelay relay = new OutboxRelay(this.mongo, failingFor("poison"), this.collection, this.topic, LEASE,
				this.clock, meters);
		MutableClock machine = new MutableClock(Instant.now());
		OutboxBacklog backlog = new OutboxBacklog(this.mongo, List.of(this.collection), meters, machine);
		backlog.refresh().block();
		assertThat(backlog.pending(this.collection)).isEqualTo(1 + healthy.size());

		assertThat(relay.sweep(100).block()).as("events published by one sweep").isEqualTo(2L * healthy.size());
		assertThat(
				meters.get("scenariohub.outbox.publish.failures").tag("collection", this.collection).counter().count())
			.as("failed publishes counted")
			.isEqualTo(1);
		machine.advance(Duration.ofSeconds(90));
		backlog.refresh().block();
		assertThat(meters.get("scenariohub.outbox.pending").tag("collection", this.collection).gauge().value())
			.isEqualTo(1);
		assertThat(meters.get("scenariohub.outbox.oldest.age").tag("collection", this.collection).gauge().value())
			.as("seconds the poisoned document has waited")
			.isGreaterThanOrEqualTo(90);

		try (EventTap tap = tap()) {
			await().atMost(Duration.ofSeconds(20)).until(() -> tap.records().size() >= 2 * healthy.size());
			Map<String, List<Long>> sequencesPerKey = tap.records()
				.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors
					.mapping(r -> Long.parseLong(EventTap.header(r, "ce_sequence")), Collectors.toList())));
			assertThat(sequencesPerKey).containsOnlyKeys(healthy)
				.allSatisfy((key, sequences) -> assertThat(sequences).containsExactly(1L, 2L));
		}
		assertThat(pendingOutboxes()).extracting(d -> d.get("_id")).containsExactly("poison");
		assertThat(relay.sweep(100).block()).as("the poisoned document waits out its back-off").isZero();
		Document poison = this.mongo.findById("poison", Document.class, this.collection).block();
		assertThat(poison.get(OutboxRelay.FAILURES, Number.class).intValue()).isEqualTo(1);

		this.clock.advance(OutboxRelay.backoffAfter(1).plusMillis(1));
		OutboxRelay healed = relay();
		assertThat(healed.sweep(100).block()).as("retried after its back-off, once the broker takes it").isEqualTo(1L);
		assertThat(pendingOutboxes()).isEmpty();
		backlog.refresh().block();
		assertThat(backlog.pending(this.collection)).isZero();
		assertThat(backlog.oldestAgeSeconds(this.collection)).isZero();
		assertThat(this.mongo.findById("poison", Document.class, this.collection).block())
			.doesNotContainKeys(OutboxRelay.FAILURES, AggregateStore.LEASE);
	}

	@Test
	void theBackOffGrowsWithEachFailureUpToAMinute() {
		assertThat(OutboxRelay.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(OutboxRelay.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(OutboxRelay.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(OutboxRelay.backoffAfter(7)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxRelay.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void creationEventsAreInTheHistoryAndFieldsThatBecameNullAreRemoved() {
		AggregateStore store = store(new OutboxRelays(List.of(), Duration.ZERO, 100));
		store.insert(this.collection, "h-1", new Renamed("first", 1), List.of(renamed("first", 1))).block();
		store.update(this.collection, "h-1", 1, new Renamed(null, 2), List.of(renamed(null, 2))).block();

		assertThat(store.history(this.collection, "h-1").block()).extracting(HistoryEntry::sequence)
			.containsExactly(1L, 2L);
		Document doc = this.mongo.findById("h-1", Document.class, this.collection).block();
		assertThat(doc).as("name was set to null").doesNotContainKey("name").containsEntry("step", 2);
	}

}
