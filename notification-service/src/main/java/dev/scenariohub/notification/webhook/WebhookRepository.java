package dev.scenariohub.notification.webhook;

import dev.scenariohub.platform.events.StoreIndexes;
import dev.scenariohub.platform.web.NotFound;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Webhooks in the {@code webhooks} collection. */
@Repository
public class WebhookRepository {

	static final String COLLECTION = "webhooks";

	private final ReactiveMongoTemplate mongo;

	public WebhookRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-owner", "owner", "_id"));
	}

	public Mono<Webhook> insert(Webhook webhook) {
		return this.mongo.insert(webhook, COLLECTION);
	}

	public Flux<Webhook> ownedBy(String owner) {
		return this.mongo.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("_id")), Webhook.class,
				COLLECTION);
	}

	/**
	 * The caller's own webhook; another owner's is as good as missing (404, never 403).
	 */
	public Mono<Webhook> findOwn(String id, String owner) {
		return findById(id).filter(w -> w.owner().equals(owner))
			.switchIfEmpty(Mono.error(() -> new NotFound("Webhook", id)));
	}

	public Mono<Webhook> findById(String id) {
		return this.mongo.findById(id, Webhook.class, COLLECTION);
	}

	public Mono<Boolean> delete(String id, String owner) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION)
			.map(result -> result.getDeletedCount() > 0);
	}

}
