package dev.scenariohub.notification.subscription;

import java.util.Collection;

import dev.scenariohub.platform.events.StoreIndexes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions in the {@code subscriptions} collection. */
@Repository
public class SubscriptionRepository {

	static final String COLLECTION = "subscriptions";

	private final ReactiveMongoTemplate mongo;

	public SubscriptionRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-owner", "owner", "_id"),
				StoreIndexes.on("by-sector", "sectors"), StoreIndexes.on("by-capability", "capabilities"));
	}

	public Mono<Subscription> insert(Subscription subscription) {
		return this.mongo.insert(subscription, COLLECTION);
	}

	public Flux<Subscription> ownedBy(String owner) {
		return this.mongo.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("_id")), Subscription.class,
				COLLECTION);
	}

	/**
	 * @return whether one was deleted
	 */
	public Mono<Boolean> delete(String id, String owner) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION)
			.map(result -> result.getDeletedCount() > 0);
	}

	/** Subscriptions interested in a sector or in any of some capabilities. */
	public Flux<Subscription> matching(String sector, Collection<String> capabilities) {
		Criteria criteria = new Criteria().orOperator(Criteria.where("sectors").is(sector),
				Criteria.where("capabilities").in(capabilities));
		return this.mongo.find(Query.query(criteria), Subscription.class, COLLECTION);
	}

}
