package dev.scenariohub.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.events.StoreIndexes;
import dev.scenariohub.platform.events.Versioned;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deliveries in the {@code deliveries} collection; outcomes are announced through the
 * outbox.
 */
@Repository
public class DeliveryRepository {

	public static final String COLLECTION = "deliveries";

	private final AggregateStore outbox;

	private final ReactiveMongoTemplate mongo;

	public DeliveryRepository(ReactiveMongoTemplate mongo, AggregateStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("due", "status", "channel", "nextAttemptAt"),
				StoreIndexes.on("by-target", "target", "createdAt"), StoreIndexes.on("by-completion", "doneAt"));
	}

	/**
	 * @return true when enqueued, false when this delivery exists already
	 */
	public Mono<Boolean> enqueue(Delivery delivery) {
		return this.outbox.insert(COLLECTION, delivery.id(), delivery, List.of())
			.map(version -> true)
			.onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
	}

	/**
	 * Pending deliveries of one channel whose next attempt is due, the longest waiting
	 * first.
	 */
	public Flux<Versioned<Delivery>> due(DeliveryChannel channel, Instant now, int limit) {
		Query query = dueQuery(channel, now).with(Sort.by("nextAttemptAt")).limit(limit);
		return this.outbox.query(COLLECTION, query, Delivery.class);
	}

	/** How many pending deliveries of one channel are due. */
	public Mono<Long> countDue(DeliveryChannel channel, Instant now) {
		return this.mongo.count(dueQuery(channel, now), COLLECTION);
	}

	private static Query dueQuery(DeliveryChannel channel, Instant now) {
		return Query.query(Criteria.where("status")
			.is(DeliveryStatus.PENDING.name())
			.and("channel")
			.is(channel.name())
			.and("nextAttemptAt")
			.lte(now));
	}

	public Flux<Delivery> ofTarget(String target, int limit) {
		Query query = Query.query(Criteria.where("target").is(target))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return this.outbox.query(COLLECTION, query, Delivery.class).map(Versioned::state);
	}

	/** Saves a changed delivery if nobody else did first. */
	public Mono<Long> save(Versioned<Delivery> loaded, Delivery changed) {
		return save(loaded, changed, Map.of());
	}

	/**
	 * Saves the outcome of an attempt (and its outcome event when the delivery is done,
	 * continuing the attempt's trace; not for confirmation mails, which no event caused)
	 * if nobody else did first.
	 */
	public Mono<Long> save(Versioned<Delivery> loaded, Delivery changed, Map<String, String> attempt) {
		return this.outbox.update(COLLECTION, changed.id(), loaded.version(), changed,
				changed.status() == DeliveryStatus.PENDING || EmailConfirmations.isConfirmation(changed) ? List.of()
						: List.of(DeliveryEvents.of(changed, attempt)));
	}

}
