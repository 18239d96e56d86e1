package dev.scenariohub.enterprise.enterprise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.scenariohub.platform.events.AggregateStore;
import dev.scenariohub.platform.events.HistoryEntry;
import dev.scenariohub.platform.events.StoreIndexes;
import dev.scenariohub.platform.events.Versioned;
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
 * Enterprises in the {@code enterprises} collection; a credit code is registered once
 * (unique index).
 */
@Repository
public class EnterpriseRepository {

	public static final String COLLECTION = "enterprises";

	private final ReactiveMongoTemplate mongo;

	private final AggregateStore outbox;

	public EnterpriseRepository(ReactiveMongoTemplate mongo, AggregateStore outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		StoreIndexes.ensure(this.mongo, COLLECTION,
				StoreIndexes.on("one-enterprise-per-credit-code", "creditCode").unique(),
				StoreIndexes.on("by-owner", "owner", "_id"), StoreIndexes.on("by-member", "members", "_id"),
				StoreIndexes.on("by-status", "status", "_id"), StoreIndexes.on("by-capability", "capabilities"),
				StoreIndexes.on("by-technology-word", "technologyWords"));
	}

	public Mono<Enterprise> findById(String id) {
		return this.outbox.find(COLLECTION, id, EnterpriseState.class).map(v -> Enterprise.of(v.state(), v.version()));
	}

	/**
	 * Enterprises in id order after {@code afterId}; {@code member} limits them to those
	 * a subject acts for.
	 */
	public Flux<Enterprise> list(EnterpriseFilter filter, String member, String afterId, int limit) {
		Criteria criteria = new Criteria();
		if (member != null) {
			criteria = new Criteria().orOperator(Criteria.where("owner").is(member),
					Criteria.where("members").is(member));
		}
		if (filter.status() != null) {
			criteria = criteria.and("status").is(filter.status().name());
		}
		if (filter.category() != null) {
			criteria = criteria.and("category").is(filter.category().name());
		}
		if (filter.capability() != null) {
			criteria = criteria.and("capabilities").is(filter.capability());
		}
		if (afterId != null) {
			criteria = criteria.and("_id").gt(afterId);
		}
		if (filter.q() != null) {
			criteria = new Criteria().andOperator(criteria,
					Criteria.where("name").regex(Pattern.compile(Pattern.quote(filter.q()), Pattern.CASE_INSENSITIVE)));
		}
		return this.outbox
			.query(COLLECTION, Query.query(criteria).with(Sort.by("_id")).limit(limit), EnterpriseState.class)
			.map(v -> Enterprise.of(v.state(), v.version()));
	}

	/**
	 * Verified enterprises with one of the capabilities, one of the core-technology
	 * words, or one of the ids — each found by its index.
	 */
	public Flux<EnterpriseState> verifiedWithAny(Collection<String> capabilities, Collection<String> technologyWords,
			Collection<String> ids, int limit) {
		List<Criteria> any = new ArrayList<>();
		if (!capabilities.isEmpty()) {
			any.add(Criteria.where("capabilities").in(capabilities));
		}
		if (!technologyWords.isEmpty()) {
			any.add(Criteria.where("technologyWords").in(technologyWords));
		}
		if (!ids.isEmpty()) {
			any.add(Criteria.where("_id").in(ids));
		}
		if (any.isEmpty()) {
			return Flux.empty();
		}
		Criteria verified = Criteria.where("status").is(EnterpriseStatus.VERIFIED.name());
		return this.outbox
			.query(COLLECTION,
					Query.query(new Criteria().andOperator(verified, new Criteria().orOperator(any))).limit(limit),
					EnterpriseState.class)
			.map(Versioned::state);
	}

	/**
	 * Every enterprise with its version, for what is rebuilt from them, read in the order
	 * of the {@code _id} index.
	 */
	public Flux<Versioned<EnterpriseState>> all() {
		return this.outbox.query(COLLECTION, new Query().with(Sort.by("_id")), EnterpriseState.class);
	}

	public Mono<List<HistoryEntry>> history(String id) {
		return this.outbox.history(COLLECTION, id);
	}

	public Mono<Long> insert(Enterprise enterprise) {
		return this.outbox.insert(COLLECTION, enterprise.id(), enterprise.state(), enterprise.newEvents());
	}

	public Mono<Long> update(Enterprise enterprise) {
		return this.outbox.update(COLLECTION, enterprise.id(), enterprise.version(), enterprise.state(),
				enterprise.newEvents());
	}

}
