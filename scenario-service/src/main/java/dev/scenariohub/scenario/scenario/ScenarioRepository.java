package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.events.ConflictRetry;
import dev.scenariohub.platform.events.HistoryEntry;
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

/** Scenarios in the {@code scenarios} collection; every save goes through the outbox. */
@Repository
public class ScenarioRepository {

	public static final String COLLECTION = "scenarios";

	private final AggregateStore outbox;

	private final ReactiveMongoTemplate mongo;

	public ScenarioRepository(ReactiveMongoTemplate mongo, AggregateStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION, StoreIndexes.on("by-status-and-deadline", "status", "closesAt"),
				StoreIndexes.on("by-program", "programId", "_id"), StoreIndexes.on("by-sector", "sector", "_id"),
				StoreIndexes.on("by-capability", "requiredCapabilities", "_id"),
				StoreIndexes.on("by-assignment", "assignments.assignmentId"),
				StoreIndexes.on("by-reviewer", "assignments.reviewer", "_id"),
				StoreIndexes.on("by-objection", "objections.objectionId"),
				StoreIndexes.on("by-milestone", "milestones.milestoneId"));
	}

	public Mono<Scenario> findById(String id) {
		return this.outbox.find(COLLECTION, id, ScenarioState.class).map(v -> Scenario.of(v.state(), v.version()));
	}

	/** The first scenario that matches, e.g. the one holding an assignment id. */
	public Mono<Scenario> findOne(Criteria criteria) {
		return this.outbox.query(COLLECTION, Query.query(criteria).limit(1), ScenarioState.class)
			.next()
			.map(v -> Scenario.of(v.state(), v.version()));
	}

	public Flux<Scenario> find(Criteria criteria, int limit) {
		return this.outbox
			.query(COLLECTION, Query.query(criteria).with(Sort.by("_id")).limit(limit), ScenarioState.class)
			.map(v -> Scenario.of(v.state(), v.version()));
	}

	/** Scenarios in id order after {@code afterId}, filtered. */
	public Flux<Scenario> list(ScenarioFilter filter, boolean includeDrafts, String afterId, int limit) {
		Criteria criteria = new Criteria();
		if (filter.status() != null) {
			if (filter.status() == ScenarioStatus.DRAFT && !includeDrafts) {
				return Flux.empty();
			}
			criteria = criteria.and("status").is(filter.status().name());
		}
		else if (!includeDrafts) {
			criteria = criteria.and("status").ne(ScenarioStatus.DRAFT.name());
		}
		if (filter.sector() != null) {
			criteria = criteria.and("sector").is(filter.sector().name());
		}
		if (filter.programId() != null) {
			criteria = criteria.and("programId").is(filter.programId());
		}
		if (filter.capability() != null) {
			criteria = criteria.and("requiredCapabilities").is(filter.capability());
		}
		if (afterId != null) {
			criteria = criteria.and("_id").gt(afterId);
		}
		if (filter.q() != null) {
			Pattern words = Pattern.compile(Pattern.quote(filter.q()), Pattern.CASE_INSENSITIVE);
			criteria = new Criteria().andOperator(criteria, new Criteria()
				.orOperator(Criteria.where("title").regex(words), Criteria.where("description").regex(words)));
		}
		return find(criteria, limit);
	}

	/** OPEN scenarios whose window has closed. */
	public Flux<Scenario> dueForClosing(Instant now, int limit) {
		return find(dueForClosing(now), limit);
	}

	/** Which scenarios are OPEN although their window has closed. */
	public static Criteria dueForClosing(Instant now) {
		return Criteria.where("status").is(ScenarioStatus.OPEN.name()).and("closesAt").lte(now);
	}

	/**
	 * The earliest value of a time field (a dotted path) among the scenarios that match,
	 * if any match.
	 */
	public Mono<Instant> earliest(Criteria criteria, String field) {
		Query query = Query.query(criteria).with(Sort.by(field)).limit(1);
		query.fields().include(field);
		return this.mongo.findOne(query, Document.class, COLLECTION)
			.mapNotNull(doc -> doc.getEmbedded(List.of(field.split("\\.")), Date.class))
			.map(Date::toInstant);
	}

	public Mono<List<HistoryEntry>> history(String id) {
		return this.outbox.history(COLLECTION, id);
	}

	/**
	 * @return the stored version
	 */
	public Mono<Long> insert(Scenario scenario) {
		return this.outbox.insert(COLLECTION, scenario.id(), scenario.state(), scenario.newEvents());
	}

	/**
	 * Loads the scenario that matches, applies a change and saves it, starting again from
	 * a fresh read when another save came first (reviewers scoring at the same time,
	 * say). A change that returns the scenario unchanged saves nothing.
	 */
	public Mono<Scenario> modify(Criteria which, Function<Scenario, Scenario> change) {
		return Mono.defer(() -> findOne(which).flatMap(scenario -> {
			Scenario changed = change.apply(scenario);
			if (changed == scenario) {
				return Mono.just(scenario);
			}
			return update(changed).map(version -> Scenario.of(changed.state(), version));
		})).retryWhen(ConflictRetry.spec());
	}

	/**
	 * @return the new version; fails with a conflict when another save came first
	 */
	public Mono<Long> update(Scenario scenario) {
		return this.outbox.update(COLLECTION, scenario.id(), scenario.version(), scenario.state(),
				scenario.newEvents());
	}

}
