package dev.scenariohub.enterprise.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import dev.scenariohub.enterprise.text.Words;
import dev.scenariohub.platform.events.SequencedReadModel;
import dev.scenariohub.platform.events.StoreIndexes;
import org.bson.Document;
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
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-status", "status", "_id"),
				StoreIndexes.on("by-capability", "requiredCapabilities"), StoreIndexes.on("by-sector", "sector"),
				StoreIndexes.on("by-word", "words"));
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
			.set("status", p.status())
			.set("words", Words.of(Arrays.asList(p.title(), p.description(), p.requirements())));
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

	/**
	 * Open scenarios that require one of the capabilities, are in one of the sectors, or
	 * whose text uses one of the words — each found by its index.
	 */
	public Flux<KnownScenario> openWithAny(Collection<String> capabilities, Collection<String> sectors,
			Collection<String> words, int limit) {
		List<Criteria> any = new ArrayList<>();
		if (!capabilities.isEmpty()) {
			any.add(Criteria.where("requiredCapabilities").in(capabilities));
		}
		if (!sectors.isEmpty()) {
			any.add(Criteria.where("sector").in(sectors));
		}
		if (!words.isEmpty()) {
			any.add(Criteria.where("words").in(words));
		}
		if (any.isEmpty()) {
			return Flux.empty();
		}
		return this.mongo.find(Query
			.query(new Criteria().andOperator(Criteria.where("status").is("OPEN"), new Criteria().orOperator(any)))
			.limit(limit), KnownScenario.class, COLLECTION);
	}

	/** The ids of the scenarios of one sector. */
	public Flux<String> idsInSector(String sector) {
		Query query = Query.query(Criteria.where("sector").is(sector));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION).map(doc -> String.valueOf(doc.get("_id")));
	}

	/** The sectors of these scenarios. */
	public Flux<String> sectorsOf(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("sector");
		return this.mongo.find(query, Document.class, COLLECTION).mapNotNull(doc -> doc.getString("sector")).distinct();
	}

	/** Every known scenario, in the order of the {@code _id} index. */
	public Flux<KnownScenario> all() {
		return this.mongo.find(new Query().with(Sort.by("_id")), KnownScenario.class, COLLECTION);
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
