package dev.scenariohub.notification.webhook;

import java.time.Duration;

import com.mongodb.client.result.UpdateResult;
import dev.scenariohub.platform.events.StoreIndexes;
import dev.scenariohub.platform.web.NotFound;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Webhooks in the {@code webhooks} collection. */
@Repository
public class WebhookRepository {

	static final String COLLECTION = "webhooks";

	private static final Logger logger = LoggerFactory.getLogger(WebhookRepository.class);

	private final ReactiveMongoTemplate mongo;

	private final WebhookSecrets secrets;

	public WebhookRepository(ReactiveMongoTemplate mongo, WebhookSecrets secrets) {
		this.mongo = mongo;
		this.secrets = secrets;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-owner", "owner", "_id"));
	}

	/**
	 * Seals every stored secret that is not sealed with the current key: secrets stored
	 * in plain text before secrets were sealed, and secrets sealed with the previous key
	 * after a rotation. Each is replaced only if it is still what was read, so replicas
	 * doing this at once do not undo each other.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void sealStoredSecrets() {
		// once per start: every webhook, in the order of the _id index
		Long sealed = this.mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION)
			.filter(stored -> !this.secrets.sealedWithCurrentKey(stored.getString("secret")))
			.concatMap(stored -> this.mongo
				.updateFirst(
						Query.query(Criteria.where("_id").is(stored.get("_id")).and("secret").is(stored.get("secret"))),
						Update.update("secret", this.secrets.seal(this.secrets.open(stored.getString("secret")))),
						COLLECTION)
				.map(UpdateResult::getModifiedCount))
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(5));
		if (sealed != null && sealed > 0) {
			logger.info("Sealed {} stored webhook secrets with the current key", sealed);
		}
	}

	public Mono<Webhook> insert(Webhook webhook) {
		return this.mongo.insert(webhook.withSecret(this.secrets.seal(webhook.secret())), COLLECTION)
			.thenReturn(webhook);
	}

	public Flux<Webhook> ownedBy(String owner) {
		return this.mongo
			.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("_id")), Webhook.class, COLLECTION)
			.map(this::opened);
	}

	private Webhook opened(Webhook stored) {
		return stored.withSecret(this.secrets.open(stored.secret()));
	}

	/**
	 * The caller's own webhook; another owner's is as good as missing (404, never 403).
	 */
	public Mono<Webhook> findOwn(String id, String owner) {
		return findById(id).filter(w -> w.owner().equals(owner))
			.switchIfEmpty(Mono.error(() -> new NotFound("Webhook", id)));
	}

	public Mono<Webhook> findById(String id) {
		return this.mongo.findById(id, Webhook.class, COLLECTION).map(this::opened);
	}

	public Mono<Boolean> delete(String id, String owner) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION)
			.map(result -> result.getDeletedCount() > 0);
	}

}
