package dev.scenariohub.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.result.DeleteResult;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what the {@link RetentionRule}s say is old enough, a batch at a time, so the
 * store does not grow without bound. Runs on any MongoDB-protocol store (TTL indexes do
 * not exist everywhere) and on the application's clock.
 */
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	static final int BATCH = 1_000;

	private final ReactiveMongoTemplate mongo;

	private final List<RetentionRule> rules;

	private final Clock clock;

	public Retention(ReactiveMongoTemplate mongo, List<RetentionRule> rules, Clock clock) {
		this.mongo = mongo;
		this.rules = List.copyOf(rules);
		this.clock = clock;
	}

	public List<RetentionRule> rules() {
		return this.rules;
	}

	/** One pass over every rule; completes with how many documents went. */
	public Mono<Long> prune() {
		Instant now = this.clock.instant();
		return Flux.fromIterable(this.rules)
			.concatMap(rule -> prune(rule, now.minus(rule.keep())))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> prune(RetentionRule rule, Instant cutoff) {
		return pruneBatch(rule, cutoff).expand(deleted -> deleted == BATCH ? pruneBatch(rule, cutoff) : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext(deleted -> {
				if (deleted > 0) {
					log.info("Retention: deleted {} document(s) of {} with {} before {}", deleted, rule.collection(),
							rule.timeField(), cutoff);
				}
			});
	}

	private Mono<Long> pruneBatch(RetentionRule rule, Instant cutoff) {
		// a document whose outbox still holds events stays until they are published
		Query old = Query.query(Criteria.where(rule.timeField()).lt(cutoff).and(AggregateStore.OUTBOX_SINCE).is(null))
			.limit(BATCH);
		old.fields().include("_id");
		return this.mongo.find(old, Document.class, rule.collection())
			.map(doc -> doc.get("_id"))
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
					: this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), rule.collection())
						.map(DeleteResult::getDeletedCount));
	}

}
