package dev.scenariohub.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in the outboxes of one collection to one topic.
 *
 * <ol>
 * <li>Claim: {@code findAndModify} the document with the oldest pending outbox
 * ({@code outboxSince}, indexed) and no live lease, setting {@code lease: {owner, until}}
 * — only one relay (of any replica) holds a document at a time, so one aggregate's events
 * are never published concurrently or out of order.</li>
 * <li>Publish its events in {@code sequence} order and wait for the broker's acks.</li>
 * <li>Release, only while the lease is still ours: when the outbox holds nothing but what
 * was published (the usual case), one update empties it and removes the lease and the
 * mark; when a save pushed more meanwhile, {@code $pull} exactly the published event ids
 * and {@code $unset} the lease, and the document stays marked for its next claim. A crash
 * anywhere leaves the events in place; they are published again once the lease expires
 * (at least once, never lost).</li>
 * <li>On a failed publish the document keeps its events and its lease is extended by a
 * back-off that grows with its failures; the sweep goes on with other documents.</li>
 * </ol>
 * The lease must outlast the longest send (the publisher's timeout), so no second relay
 * takes a document over while its events are still in flight.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** How often in a row publishing this document's events has failed. */
	static final String FAILURES = "outboxFailures";

	static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	/** Every marked document (a range over dates, so the index serves it). */
	private static final Date ANY_TIME = new Date(0);

	private final ReactiveMongoTemplate mongo;

	private final CloudEventPublisher publisher;

	private final String collection;

	private final String topic;

	private final Duration leaseDuration;

	private final Clock clock;

	private final ThrottledLog failures;

	private final Counter publishFailures;

	public OutboxRelay(ReactiveMongoTemplate mongo, CloudEventPublisher publisher, String collection, String topic,
			Duration leaseDuration, Clock clock) {
		this(mongo, publisher, collection, topic, leaseDuration, clock, new SimpleMeterRegistry());
	}

	/**
	 * @param meters where failed publishes are counted
	 * ({@code scenariohub_outbox_publish_failures_total{collection,topic}})
	 */
	public OutboxRelay(ReactiveMongoTemplate mongo, CloudEventPublisher publisher, String collection, String topic,
			Duration leaseDuration, Clock clock, MeterRegistry meters) {
		this.publishFailures = Counter.builder("scenariohub.outbox.publish.failures")
			.description("Attempts to publish a document's outbox events that failed (they are retried)")
			.tag("collection", collection)
			.tag("topic", topic)
			.register(meters);
		this.mongo = mongo;
		this.publisher = publisher;
		this.collection = collection;
		this.topic = topic;
		this.leaseDuration = leaseDuration;
		this.clock = clock;
		this.failures = new ThrottledLog(log, "outbox relay of " + collection, MAX_BACKOFF);
	}

	public String collection() {
		return this.collection;
	}

	public String topic() {
		return this.topic;
	}

	/**
	 * Creates the index the claim is served by, and marks documents written before
	 * {@link AggregateStore#OUTBOX_SINCE} existed whose outbox still holds events.
	 */
	public Mono<Void> prepare() {
		Date now = Date.from(this.clock.instant());
		return this.mongo.indexOps(this.collection)
			.createIndex(new Index(AggregateStore.OUTBOX_SINCE, Sort.Direction.ASC).named("pending-outbox"))
			.then(this.mongo.updateMulti(Query.query(Criteria.where(AggregateStore.OUTBOX_SINCE)
				.is(null)
				.and(AggregateStore.OUTBOX + ".0")
				.exists(true)), new Update().set(AggregateStore.OUTBOX_SINCE, now), this.collection))
			.then();
	}

	/**
	 * Publishes what is pending for one aggregate, repeating while new events keep
	 * arriving.
	 * @return how many events were published
	 */
	public Mono<Long> relay(String aggregateId) {
		return drain(Criteria.where("_id").is(aggregateId), Long.MAX_VALUE, true);
	}

	/**
	 * Publishes what is pending in any document of the collection, at most
	 * {@code maxDocuments} claims per call.
	 * @return how many events were published
	 */
	public Mono<Long> sweep(long maxDocuments) {
		return drain(new Criteria(), maxDocuments, false);
	}

	/**
	 * Claims and publishes until nothing more can be claimed; for one aggregate, also
	 * stops once a release emptied its outbox (a save after that triggers its own relay).
	 */
	private Mono<Long> drain(Criteria scope, long maxClaims, boolean oneAggregate) {
		return claimAndPublish(scope).expand(
				relayed -> oneAggregate && relayed.emptied() ? Mono.empty() : Mono.defer(() -> claimAndPublish(scope)))
			.take(maxClaims)
			.reduce(0L, (sum, relayed) -> sum + relayed.published());
	}

	/**
	 * What one claim published, and whether its release left the outbox empty.
	 */
	private record Relayed(long published, boolean emptied) {
	}

	/**
	 * Claims one document and publishes its events; empty when nothing could be claimed.
	 */
	private Mono<Relayed> claimAndPublish(Criteria scope) {
		String owner = UUID.randomUUID().toString();
		Date now = Date.from(this.clock.instant());
		Query claimable = Query
			.query(new Criteria().andOperator(scope, Criteria.where(AggregateStore.OUTBOX_SINCE).gte(ANY_TIME),
					new Criteria().orOperator(Criteria.where(AggregateStore.LEASE).exists(false),
							Criteria.where(AggregateStore.LEASE + ".until").lt(now))))
			.with(Sort.by(AggregateStore.OUTBOX_SINCE));
		// only what publishing needs: an aggregate's state can be megabytes
		claimable.fields().include(AggregateStore.OUTBOX, FAILURES);
		Update lease = new Update().set(AggregateStore.LEASE,
				new Document("owner", owner).append("until", Date.from(now.toInstant().plus(this.leaseDuration))));
		return this.mongo
			.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
					this.collection)
			.flatMap(doc -> publishClaimed(doc, owner));
	}

	private Mono<Relayed> publishClaimed(Document doc, String owner) {
		Object id = doc.get("_id");
		List<OutboxEvent> events = doc.getList(AggregateStore.OUTBOX, Document.class)
			.stream()
			.map(OutboxDocuments::fromDocument)
			.sorted(Comparator.comparingLong(OutboxEvent::sequence))
			.toList();
		Query ours = Query.query(Criteria.where("_id").is(id).and(AggregateStore.LEASE + ".owner").is(owner));
		// the outbox holds no more than what was published: no save pushed events
		// meanwhile (pushes only append)
		Query oursAndNothingElse = Query.query(Criteria.where("_id")
			.is(id)
			.and(AggregateStore.LEASE + ".owner")
			.is(owner)
			.and(AggregateStore.OUTBOX + "." + events.size())
			.exists(false));
		Update emptied = new Update().set(AggregateStore.OUTBOX, List.of())
			.unset(AggregateStore.OUTBOX_SINCE)
			.unset(AggregateStore.LEASE)
			.unset(FAILURES);
		return this.publisher.publish(this.topic, events)
			.then(this.mongo.updateFirst(oursAndNothingElse, emptied, this.collection))
			.flatMap(release -> release.getMatchedCount() > 0 ? Mono.just(new Relayed(events.size(), true))
					: releaseSome(id, ours, events).thenReturn(new Relayed(events.size(), false)))
			.doOnSuccess(released -> this.failures.succeeded())
			.onErrorResume(error -> backOff(doc, ours, events.size(), error));
	}

	/**
	 * Releases the published events while others wait behind them (or the lease was lost:
	 * then nothing matches and the events are published again by the next holder).
	 */
	private Mono<Void> releaseSome(Object id, Query ours, List<OutboxEvent> events) {
		return this.mongo
			.updateFirst(ours,
					new Update()
						.pull(AggregateStore.OUTBOX,
								new Document("id", new Document("$in", events.stream().map(OutboxEvent::id).toList())))
						.unset(AggregateStore.LEASE)
						.unset(FAILURES),
					this.collection)
			// the outbox is empty unless a save pushed more meanwhile: then it stays
			// marked
			.then(this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(id).and(AggregateStore.OUTBOX + ".0").exists(false)),
					new Update().unset(AggregateStore.OUTBOX_SINCE), this.collection))
			.then();
	}

	/**
	 * Keeps the failed document's events and its lease for a back-off that grows with its
	 * failures, so the next claims take other documents first and this one is retried
	 * later — one failing document never holds up the others.
	 */
	private Mono<Relayed> backOff(Document doc, Query ours, int pending, Throwable error) {
		this.publishFailures.increment();
		int failed = doc.get(FAILURES, Number.class) == null ? 1 : doc.get(FAILURES, Number.class).intValue() + 1;
		Duration wait = backoffAfter(failed);
		this.failures.failed("publishing %d event(s) of %s to %s failed (%d time(s) for this one); retrying in %s"
			.formatted(pending, doc.get("_id"), this.topic, failed, wait), error);
		Update retryLater = new Update()
			.set(AggregateStore.LEASE + ".until", Date.from(this.clock.instant().plus(wait)))
			.set(FAILURES, failed);
		return this.mongo.updateFirst(ours, retryLater, this.collection).thenReturn(new Relayed(0, false));
	}

	/** 1 s, 2 s, 4 s, … up to {@link #MAX_BACKOFF}. */
	static Duration backoffAfter(int failures) {
		long seconds = 1L << Math.min(Math.max(failures - 1, 0), 16);
		return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
	}

}
