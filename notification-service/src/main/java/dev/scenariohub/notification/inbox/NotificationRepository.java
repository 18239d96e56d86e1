package dev.scenariohub.notification.inbox;

import java.time.Instant;

import dev.scenariohub.platform.events.StoreIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inbox notifications in the {@code notifications} collection, newest first. */
@Repository
public class NotificationRepository {

	public static final String COLLECTION = "notifications";

	private final ReactiveMongoTemplate mongo;

	public NotificationRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("inbox", "recipient", "createdAt", "_id"),
				StoreIndexes.on("by-age", "createdAt"));
	}

	/**
	 * @return true when stored, false when it was already there (a repeated event)
	 */
	public Mono<Boolean> deliver(Notification notification) {
		return this.mongo.insert(notification, COLLECTION)
			.map(saved -> true)
			.onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
	}

	/**
	 * A recipient's notifications, newest first, strictly after the given position.
	 * @param after {@code createdAtMillis:id} of the last item of the previous page, or
	 * null
	 */
	public Flux<Notification> of(String recipient, Boolean unread, String after, int limit) {
		Criteria criteria = Criteria.where("recipient").is(recipient);
		if (Boolean.TRUE.equals(unread)) {
			criteria = criteria.and("readAt").is(null);
		}
		else if (Boolean.FALSE.equals(unread)) {
			criteria = criteria.and("readAt").ne(null);
		}
		if (after != null) {
			int colon = after.indexOf(':');
			Instant at = Instant.ofEpochMilli(Long.parseLong(after.substring(0, colon)));
			String id = after.substring(colon + 1);
			criteria = new Criteria().andOperator(criteria, new Criteria()
				.orOperator(Criteria.where("createdAt").lt(at), Criteria.where("createdAt").is(at).and("_id").lt(id)));
		}
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.limit(limit);
		return this.mongo.find(query, Notification.class, COLLECTION);
	}

	/**
	 * A recipient's notifications strictly after a position, oldest first (for the live
	 * stream).
	 * @param id the notification id at {@code at}, or null for everything from {@code at}
	 * on
	 */
	public Flux<Notification> after(String recipient, Instant at, String id, int limit) {
		Criteria position = id == null ? Criteria.where("createdAt").gte(at) : new Criteria()
			.orOperator(Criteria.where("createdAt").gt(at), Criteria.where("createdAt").is(at).and("_id").gt(id));
		Query query = Query.query(new Criteria().andOperator(Criteria.where("recipient").is(recipient), position))
			.with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
			.limit(limit);
		return this.mongo.find(query, Notification.class, COLLECTION);
	}

	/**
	 * @return whether the recipient has such a notification
	 */
	public Mono<Boolean> markRead(String id, String recipient, Instant now) {
		Query own = Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient));
		return this.mongo
			.updateFirst(
					Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient).and("readAt").is(null)),
					new Update().set("readAt", now), COLLECTION)
			.then(this.mongo.exists(own, COLLECTION));
	}

	/**
	 * @return how many were unread
	 */
	public Mono<Long> markAllRead(String recipient, Instant now) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("recipient").is(recipient).and("readAt").is(null)),
					new Update().set("readAt", now), COLLECTION)
			.map(result -> result.getModifiedCount());
	}

}
