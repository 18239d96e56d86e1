package dev.scenariohub.scenario.scenario;

import dev.scenariohub.platform.events.OutboxStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Scenarios in the {@code scenarios} collection; every save goes through the outbox. */
@Repository
public class ScenarioRepository {

	public static final String COLLECTION = "scenarios";

	private final ReactiveMongoTemplate mongo;

	private final OutboxStore outbox;

	public ScenarioRepository(ReactiveMongoTemplate mongo, OutboxStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	public Mono<Scenario> findById(String id) {
		return this.mongo.findById(id, Document.class, COLLECTION).map(this::toScenario);
	}

	/** Scenarios in id order after {@code afterId}, optionally filtered. */
	public Flux<Scenario> list(ScenarioStatus status, Sector sector, boolean includeDrafts, String afterId, int limit) {
		Criteria criteria = new Criteria();
		if (status != null) {
			criteria = criteria.and("status").is(status.name());
		}
		else if (!includeDrafts) {
			criteria = criteria.and("status").ne(ScenarioStatus.DRAFT.name());
		}
		if (status == ScenarioStatus.DRAFT && !includeDrafts) {
			return Flux.empty();
		}
		if (sector != null) {
			criteria = criteria.and("sector").is(sector.name());
		}
		if (afterId != null) {
			criteria = criteria.and("_id").gt(afterId);
		}
		Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION).map(this::toScenario);
	}

	/** @return the stored version */
	public Mono<Long> insert(Scenario scenario) {
		return this.outbox.insert(COLLECTION, scenario.id(), scenario.state(), scenario.newEvents());
	}

	/** @return the new version; fails with a conflict when another save came first */
	public Mono<Long> update(Scenario scenario) {
		return this.outbox.update(COLLECTION, scenario.id(), scenario.version(), scenario.state(),
				scenario.newEvents());
	}

	private Scenario toScenario(Document doc) {
		ScenarioState state = this.mongo.getConverter().read(ScenarioState.class, doc);
		return Scenario.of(state, doc.get(OutboxStore.VERSION, Number.class).longValue());
	}
}
