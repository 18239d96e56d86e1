package dev.scenariohub.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How far behind each outbox is, as metrics an operator can alert on:
 * {@code scenariohub.outbox.pending} (documents whose events wait to be published) and
 * {@code scenariohub.outbox.oldest.age} (seconds the oldest of them has waited), tagged
 * with the collection. Both are read from the indexed {@code outboxSince} mark by
 * {@link #refresh()}, run periodically; they are zero when everything is published.
 */
public class OutboxBacklog {

	private static final Date ANY_TIME = new Date(0);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> oldestAgeSeconds = new ConcurrentHashMap<>();

	public OutboxBacklog(ReactiveMongoTemplate mongo, Iterable<String> collections, MeterRegistry meters, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		for (String collection : collections) {
			Gauge
				.builder("scenariohub.outbox.pending", this.pending.computeIfAbsent(collection, c -> new AtomicLong()),
						AtomicLong::get)
				.description("Documents whose outbox holds events not yet published")
				.tag("collection", collection)
				.register(meters);
			Gauge
				.builder("scenariohub.outbox.oldest.age",
						this.oldestAgeSeconds.computeIfAbsent(collection, c -> new AtomicLong()), AtomicLong::get)
				.description("How long the oldest unpublished event of the collection has waited")
				.baseUnit("seconds")
				.tag("collection", collection)
				.register(meters);
		}
	}

	/**
	 * Reads the backlog of every outbox collection; completes with the documents waiting.
	 */
	public Mono<Long> refresh() {
		return Flux.fromIterable(this.pending.keySet()).concatMap(this::refresh).reduce(0L, Long::sum);
	}

	private Mono<Long> refresh(String collection) {
		Query marked = Query.query(Criteria.where(AggregateStore.OUTBOX_SINCE).gte(ANY_TIME));
		Query oldest = Query.of(marked).with(Sort.by(AggregateStore.OUTBOX_SINCE)).limit(1);
		oldest.fields().include(AggregateStore.OUTBOX_SINCE);
		return this.mongo.count(marked, collection)
			.zipWith(this.mongo.findOne(oldest, Document.class, collection)
				.map(doc -> Duration.between(doc.getDate(AggregateStore.OUTBOX_SINCE).toInstant(), this.clock.instant())
					.toSeconds())
				.defaultIfEmpty(0L))
			.doOnNext(backlog -> {
				this.pending.get(collection).set(backlog.getT1());
				this.oldestAgeSeconds.get(collection).set(Math.max(0, backlog.getT2()));
			})
			.map(backlog -> backlog.getT1());
	}

	long pending(String collection) {
		return this.pending.get(collection).get();
	}

	long oldestAgeSeconds(String collection) {
		return this.oldestAgeSeconds.get(collection).get();
	}

}
