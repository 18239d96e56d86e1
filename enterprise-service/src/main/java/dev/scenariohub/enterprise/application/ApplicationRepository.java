package dev.scenariohub.enterprise.application;

import java.util.function.Function;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.events.ConflictRetry;
import dev.scenariohub.platform.events.StoreIndexes;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applications in the {@code applications} collection; one live application per
 * enterprise and scenario.
 */
@Repository
public class ApplicationRepository {

	public static final String COLLECTION = "applications";

	private final ReactiveMongoTemplate mongo;

	private final AggregateStore outbox;

	public ApplicationRepository(ReactiveMongoTemplate mongo, AggregateStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION,
				StoreIndexes.on("one-live-application-per-enterprise-and-scenario", "liveKey").unique(),
				StoreIndexes.on("by-enterprise", "enterpriseId", "_id"),
				StoreIndexes.on("by-scenario", "scenarioId", "_id"));
	}

	public Mono<Application> findById(String id) {
		return this.outbox.find(COLLECTION, id, ApplicationState.class)
			.map(v -> Application.of(v.state(), v.version()));
	}

	public Flux<Application> find(Criteria criteria, String afterId, int limit) {
		Criteria c = afterId == null ? criteria
				: new Criteria().andOperator(criteria, Criteria.where("_id").gt(afterId));
		return this.outbox.query(COLLECTION, Query.query(c).with(Sort.by("_id")).limit(limit), ApplicationState.class)
			.map(v -> Application.of(v.state(), v.version()));
	}

	/**
	 * The distinct values of one field of the submitted (not draft) applications that
	 * match.
	 */
	public Flux<String> submittedValuesOf(String field, Criteria which) {
		Query query = Query
			.query(new Criteria().andOperator(which, Criteria.where("status").ne(ApplicationStatus.DRAFT.name())));
		query.fields().include(field);
		return this.mongo.find(query, Document.class, COLLECTION).mapNotNull(doc -> doc.getString(field)).distinct();
	}

	public Mono<Long> insert(Application application) {
		return this.outbox.insert(COLLECTION, application.id(), application.state(), application.newEvents());
	}

	public Mono<Long> update(Application application) {
		return this.outbox.update(COLLECTION, application.id(), application.version(), application.state(),
				application.newEvents());
	}

	/** Loads, changes and saves, from a fresh read again when another save came first. */
	public Mono<Application> modify(String id, Function<Application, Application> change) {
		return Mono.defer(() -> findById(id).flatMap(application -> {
			Application changed = change.apply(application);
			return changed == application ? Mono.just(application) : update(changed).thenReturn(changed);
		})).retryWhen(ConflictRetry.spec());
	}

}
