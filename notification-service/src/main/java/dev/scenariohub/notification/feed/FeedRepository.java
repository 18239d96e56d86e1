package dev.scenariohub.notification.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.scenariohub.platform.events.IncomingEvent;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public change feed: public events in the order they were appended, each at a
 * position one past the last. An entry at position p is only written once p-1 exists (a
 * writer that raced for p finds it taken and tries p+1), so a reader that has seen up to
 * p never misses a later entry: the cursor never skips. Each event is appended once
 * (unique event id).
 */
@Repository
public class FeedRepository {

	static final String COLLECTION = "feed";

	private final ReactiveMongoTemplate mongo;

	/** The highest position known to exist (-1: not read yet). */
	private final AtomicLong head = new AtomicLong(-1);

	public FeedRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index("eventId", Sort.Direction.ASC).unique().named("each-event-once"))
			.block(Duration.ofSeconds(30));
	}

	/**
	 * Appends at the position after the last one this process knows to exist — one write
	 * in the usual case. When that position is taken (another writer came first) or the
	 * event is there already, the unique indexes refuse the write. When a writer of this
	 * process has meanwhile moved the known head past that position, the write is simply
	 * retried after it; otherwise an event already stored is not appended again, and the
	 * head is read again and the write retried. The known head only ever holds positions
	 * that exist, so a write at head + 1 never leaves a gap.
	 * @return true when appended, false when the event was there already
	 */
	public Mono<Boolean> append(IncomingEvent event, JsonMapper json) {
		Document data = Document.parse(new String(event.data(), StandardCharsets.UTF_8));
		Query taken = Query.query(Criteria.where("eventId").is(event.id()));
		return Mono
			.defer(() -> knownHead().flatMap(head -> this.mongo
				.insert(new Document("_id", head + 1).append("eventId", event.id())
					.append("type", event.type())
					.append("source", event.source())
					.append("subject", event.subject())
					.append("sequence", event.sequence())
					.append("time", Date.from(event.time()))
					.append("data", data), COLLECTION)
				.doOnSuccess(inserted -> this.head.accumulateAndGet(head + 1, Math::max))
				.map(inserted -> true)
				.onErrorResume(DuplicateKeyException.class, refused -> afterRefusal(refused, head, taken))))
			.retryWhen(Retry.max(100).filter(DuplicateKeyException.class::isInstance));
	}

	/**
	 * After a write at {@code head + 1} was refused: the refusal again (to retry at a
	 * newer head) or false when the event is stored already. A writer of this process
	 * that took the position has moved the known head, which saves asking the store.
	 */
	private Mono<Boolean> afterRefusal(DuplicateKeyException refused, long head, Query taken) {
		if (this.head.get() > head) {
			return Mono.error(refused);
		}
		return this.mongo.exists(taken, COLLECTION)
			.flatMap(stored -> stored ? Mono.just(false) : readHead().then(Mono.error(refused)));
	}

	private Mono<Long> knownHead() {
		long known = this.head.get();
		return known >= 0 ? Mono.just(known) : readHead();
	}

	private Mono<Long> readHead() {
		return head().map(read -> this.head.accumulateAndGet(read, Math::max));
	}

	/** Entries after a position, oldest first, optionally of some types only. */
	public Flux<Document> after(long position, List<String> types, int limit) {
		Criteria criteria = Criteria.where("_id").gt(position);
		if (!types.isEmpty()) {
			criteria = criteria.and("type").in(types);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, COLLECTION);
	}

	private Mono<Long> head() {
		return this.mongo
			.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class, COLLECTION)
			.map(d -> d.get("_id", Number.class).longValue())
			.defaultIfEmpty(0L);
	}

}
