package dev.scenariohub.enterprise.readmodel;

import java.time.Instant;

import dev.scenariohub.platform.events.SequencedReadModel;
import dev.scenariohub.platform.events.StoreIndexes;
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

/** The local read model of scenarios, kept newest-sequence-wins. */
@Repository
public class KnownScenarioRepository {

	public static final String COLLECTION = "known-scenarios";

	private final ReactiveMongoTemplate mongo;

	private final SequencedReadModel model;

	public KnownScenarioRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.model = new SequencedReadModel(mongo, COLLECTION);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-status", "status", "_id"));
	}

	/** Applies a published snapshot unless a newer state is already known. */
	public Mono<Boolean> applyPublished(ScenarioPublishedPayload p, long sequence) {
		Update update = new Update().set("title", p.title())
			.set("sector", p.sector())
			.set("demandOwner", p.demandOwner())
			.set("description", p.description())
			.set("requirements", p.requirements())
			.set("requiredCapabilities", p.requiredCapabilities())
			.set("eligibleCategories", p.eligibleCategories())
			.set("support", this.mongo.getConverter().convertToMongoType(p.support()))
			.set("maxAwards", p.maxAwards())
			.set("opensAt", p.opensAt())
			.set("closesAt", p.closesAt())
			.set("timeZone", p.timeZone())
			.set("status", p.status());
		return this.model.applyIfNewer(p.scenarioId(), sequence, update);
	}

	/**
	 * A lifecycle step: the status (and the window's end) after it, if the scenario is
	 * known.
	 */
	public Mono<Boolean> applyStatus(String id, long sequence, String status, Instant closesAt) {
		Update update = new Update().set("status", status);
		if (closesAt != null) {
			update.set("closesAt", closesAt);
		}
		return this.model.updateIfNewer(id, sequence, update);
	}

	public Mono<KnownScenario> findById(String id) {
		return this.mongo.findById(id, KnownScenario.class, COLLECTION);
	}

	public Flux<KnownScenario> open(String afterId, int limit) {
		Criteria criteria = Criteria.where("status").is("OPEN");
		if (afterId != null) {
			criteria = criteria.and("_id").gt(afterId);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), KnownScenario.class,
				COLLECTION);
	}

}
