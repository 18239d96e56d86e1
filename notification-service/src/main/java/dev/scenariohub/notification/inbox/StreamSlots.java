package dev.scenariohub.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The open notification streams of each user, counted across all replicas: a user has
 * {@code notifications.stream.max-per-user} slots, each a document {@code {_id:
 * "<user>#<n>", holder, until}} in the store. A new stream takes the first slot that is
 * free or whose lease has run out, with one conditional upsert per slot: the unique
 * {@code _id} lets only one stream, on whichever replica, take a slot. An open stream
 * renews its lease every third of {@code notifications.stream.lease}, and frees its slot
 * when it ends; the slots of a replica that died free themselves when their leases run
 * out.
 */
@Component
public class StreamSlots {

	private static final Logger log = LoggerFactory.getLogger(StreamSlots.class);

	static final String COLLECTION = "stream-slots";

	private final ReactiveMongoTemplate mongo;

	private final int maxPerUser;

	private final Duration lease;

	private final Clock clock;

	public StreamSlots(ReactiveMongoTemplate mongo, @Value("${notifications.stream.max-per-user:5}") int maxPerUser,
			@Value("${notifications.stream.lease:PT60S}") Duration lease, Clock clock) {
		this.mongo = mongo;
		this.maxPerUser = maxPerUser;
		this.lease = lease;
		this.clock = clock;
	}

	public int maxPerUser() {
		return this.maxPerUser;
	}

	/** Takes a slot of a user for a stream; completes empty when every slot is held. */
	public Mono<String> take(String user, String holder) {
		return Flux.range(0, this.maxPerUser)
			.concatMap(n -> take(user + "#" + n, holder, this.clock.instant()), 1)
			.next();
	}

	private Mono<String> take(String slot, String holder, Instant now) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(slot).and("until").lte(now)),
					new Update().set("holder", holder).set("until", now.plus(this.lease)), COLLECTION)
			.thenReturn(slot)
			// held by another stream: the upsert's insert of the same _id is refused
			.onErrorResume(DuplicateKeyException.class, held -> Mono.empty());
	}

	/**
	 * Renews a slot's lease for as long as the returned Mono is subscribed (it never
	 * completes); a failed renewal is only logged (the stream goes on; the slot may
	 * expire early).
	 */
	public Mono<Void> keep(String slot, String holder) {
		return Flux.interval(this.lease.dividedBy(3))
			.concatMap(tick -> this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(slot).and("holder").is(holder)),
						Update.update("until", this.clock.instant().plus(this.lease)), COLLECTION)
				.then()
				.onErrorResume(error -> {
					log.warn("Could not renew stream slot {}: {}", slot, error.toString());
					return Mono.empty();
				}), 1)
			.then();
	}

	/** Frees a slot the holder took. */
	public Mono<Void> release(String slot, String holder) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(slot).and("holder").is(holder)), COLLECTION)
			.then();
	}

}
