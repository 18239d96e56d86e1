package dev.scenariohub.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in the outboxes of one collection to one topic.
 *
 * <ol>
 * <li>Claim: {@code findAndModify} a document with a non-empty outbox and no live lease, setting
 * {@code lease: {owner, until}} — only one relay (of any replica) holds a document at a time, so
 * one aggregate's events are never published concurrently or out of order.</li>
 * <li>Publish its events in {@code sequence} order and wait for the broker's acks.</li>
 * <li>Release: {@code $pull} exactly the published event ids and {@code $unset} the lease, only
 * while the lease is still ours. A crash anywhere leaves the events in place; they are published
 * again once the lease expires (at least once, never lost).</li>
 * </ol>
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final ReactiveMongoTemplate mongo;

	private final CloudEventPublisher publisher;

	private final String collection;

	private final String topic;

	private final Duration leaseDuration;

	private final Clock clock;

	public OutboxRelay(ReactiveMongoTemplate mongo, CloudEventPublisher publisher, String collection, String topic,
			Duration leaseDuration, Clock clock) {
		this.mongo = mongo;
		this.publisher = publisher;
		this.collection = collection;
		this.topic = topic;
		this.leaseDuration = leaseDuration;
		this.clock = clock;
	}

	public String collection() {
		return this.collection;
	}

	public String topic() {
		return this.topic;
	}

	/**
	 * Publishes what is pending for one aggregate, repeating while new events keep arriving.
	 * @return how many events were published
	 */
	public Mono<Long> relay(String aggregateId) {
		return drain(Criteria.where("_id").is(aggregateId), Long.MAX_VALUE);
	}

	/**
	 * Publishes what is pending in any document of the collection, at most {@code maxDocuments}
	 * claims per call.
	 * @return how many events were published
	 */
	public Mono<Long> sweep(long maxDocuments) {
		return drain(new Criteria(), maxDocuments);
	}

	private Mono<Long> drain(Criteria scope, long maxClaims) {
		return claimAndPublish(scope).expand(count -> Mono.defer(() -> claimAndPublish(scope)))
			.take(maxClaims)
			.reduce(0L, Long::sum);
	}

	/** Claims one document and publishes its events; empty when nothing could be claimed. */
	Mono<Long> claimAndPublish(Criteria scope) {
		String owner = UUID.randomUUID().toString();
		Date now = Date.from(this.clock.instant());
		Query claimable = Query.query(new Criteria().andOperator(scope,
				Criteria.where(AggregateStore.OUTBOX + ".0").exists(true),
				new Criteria().orOperator(Criteria.where(AggregateStore.LEASE).exists(false),
						Criteria.where(AggregateStore.LEASE + ".until").lt(now))));
		Update lease = new Update().set(AggregateStore.LEASE,
				new Document("owner", owner).append("until", Date.from(now.toInstant().plus(this.leaseDuration))));
		return this.mongo
			.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
					this.collection)
			.flatMap(doc -> publishClaimed(doc, owner));
	}

	private Mono<Long> publishClaimed(Document doc, String owner) {
		Object id = doc.get("_id");
		List<OutboxEvent> events = doc.getList(AggregateStore.OUTBOX, Document.class)
			.stream()
			.map(OutboxDocuments::fromDocument)
			.sorted(Comparator.comparingLong(OutboxEvent::sequence))
			.toList();
		Query ours = Query.query(Criteria.where("_id").is(id).and(AggregateStore.LEASE + ".owner").is(owner));
		return this.publisher.publish(this.topic, events)
			.then(this.mongo.updateFirst(ours,
					new Update().pull(AggregateStore.OUTBOX,
							new Document("id", new Document("$in", events.stream().map(OutboxEvent::id).toList())))
						.unset(AggregateStore.LEASE),
					this.collection))
			.map(released -> (long) events.size())
			.onErrorResume(error -> {
				log.warn("Publishing {} event(s) of {} {} to {} failed; they stay in the outbox for the next attempt",
						events.size(), this.collection, id, this.topic, error);
				return this.mongo.updateFirst(ours, new Update().unset(AggregateStore.LEASE), this.collection)
					.then(Mono.error(error));
			});
	}
}
