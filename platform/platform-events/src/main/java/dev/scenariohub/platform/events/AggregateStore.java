package dev.scenariohub.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves an aggregate and the events it raised in one atomic single-document write: the
 * events are pushed onto the document's {@code outbox} array, so no transaction is needed
 * and no event can be lost between the state change and its publication. After the write
 * the relay is triggered; its periodic sweep covers anything a crash leaves behind.
 *
 * <p>
 * The aggregate's state is written with {@code $set} of its fields, never by replacing
 * the document, so the relay's concurrent {@code $pull} of published events and its lease
 * are never overwritten.
 */
public class AggregateStore {

	public static final String VERSION = "version";

	public static final String OUTBOX = "outbox";

	public static final String LEASE = "lease";

	/** Who did what when: one entry per event, kept in the document for good. */
	public static final String HISTORY = "history";

	/**
	 * When (on the machine's clock, like leases) the oldest event still in the outbox was
	 * written; absent when the outbox is empty. The relay's claim is served by an index
	 * on it, and it tells how long events have been waiting.
	 */
	public static final String OUTBOX_SINCE = "outboxSince";

	private static final Set<String> MANAGED_FIELDS = Set.of("_id", "_class", VERSION, OUTBOX, OUTBOX_SINCE, LEASE,
			HISTORY);

	private static final Clock MACHINE_CLOCK = Clock.systemUTC();

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final OutboxRelays relays;

	private final Clock clock;

	private final TraceContexts traces;

	public AggregateStore(ReactiveMongoTemplate mongo, JsonMapper json, OutboxRelays relays, Clock clock) {
		this(mongo, json, relays, clock, TraceContexts.none());
	}

	/**
	 * @param traces where events find the trace of the request or record that caused
	 * them, kept with each outbox entry so that its publishing continues that trace
	 */
	public AggregateStore(ReactiveMongoTemplate mongo, JsonMapper json, OutboxRelays relays, Clock clock,
			TraceContexts traces) {
		this.mongo = mongo;
		this.json = json;
		this.relays = relays;
		this.clock = clock;
		this.traces = traces;
	}

	/**
	 * Inserts a new aggregate with its first events. Its version becomes the number of
	 * events (at least 1).
	 * @return the new version
	 */
	public Mono<Long> insert(String collection, String id, Object state, List<PendingEvent> events) {
		List<Document> outbox = toOutbox(id, 0, events);
		long version = Math.max(1, events.size());
		Document doc = stateOf(state);
		// the same _id type Spring Data's query mapping uses for this id, so later
		// look-ups match
		doc.put("_id", ObjectId.isValid(id) ? new ObjectId(id) : id);
		doc.put(VERSION, version);
		doc.put(OUTBOX, outbox);
		if (!outbox.isEmpty()) {
			doc.put(OUTBOX_SINCE, Date.from(MACHINE_CLOCK.instant()));
			doc.put(HISTORY, historyOf(outbox, events));
		}
		return this.mongo.insert(doc, collection).doOnSuccess(saved -> {
			if (!outbox.isEmpty()) {
				this.relays.relaySoon(collection, id);
			}
		}).thenReturn(version);
	}

	/**
	 * Writes the aggregate's new state and pushes its events, if and only if the stored
	 * version is still {@code expectedVersion}. Each event gets the next sequence number;
	 * the new version is the last one (or {@code expectedVersion + 1} when no event was
	 * raised).
	 * @return the new version
	 * @throws OptimisticLockingFailureException (as an error signal) when someone else
	 * saved first
	 */
	public Mono<Long> update(String collection, String id, long expectedVersion, Object state,
			List<PendingEvent> events) {
		List<Document> outbox = toOutbox(id, expectedVersion, events);
		long version = expectedVersion + Math.max(1, events.size());
		Update update = new Update();
		Document written = stateOf(state);
		written.forEach(update::set);
		// a field that became null is not written at all: remove what the store still
		// holds
		propertiesOf(state).stream().filter(field -> !written.containsKey(field)).forEach(update::unset);
		update.set(VERSION, version);
		if (!outbox.isEmpty()) {
			update.push(OUTBOX).each(outbox.toArray());
			update.min(OUTBOX_SINCE, Date.from(MACHINE_CLOCK.instant()));
			update.push(HISTORY).each(historyOf(outbox, events).toArray());
		}
		Query query = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
		return this.mongo.updateFirst(query, update, collection).flatMap(result -> {
			if (result.getMatchedCount() == 0) {
				return Mono
					.error(new OptimisticLockingFailureException("%s %s was changed concurrently (expected version %d)"
						.formatted(collection, id, expectedVersion)));
			}
			if (!outbox.isEmpty()) {
				this.relays.relaySoon(collection, id);
			}
			return Mono.just(version);
		});
	}

	/** The stored state and version of an aggregate, if it exists. */
	public <S> Mono<Versioned<S>> find(String collection, String id, Class<S> type) {
		return this.mongo.findById(id, Document.class, collection).map(doc -> versioned(doc, type));
	}

	/** Aggregates matching a query, with their versions. */
	public <S> Flux<Versioned<S>> query(String collection, Query query, Class<S> type) {
		return this.mongo.find(query, Document.class, collection).map(doc -> versioned(doc, type));
	}

	private <S> Versioned<S> versioned(Document doc, Class<S> type) {
		return new Versioned<>(this.mongo.getConverter().read(type, doc), doc.get(VERSION, Number.class).longValue());
	}

	/** The history of an aggregate, oldest first. */
	public Mono<List<HistoryEntry>> history(String collection, String id) {
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include(HISTORY);
		return this.mongo.findOne(query, Document.class, collection)
			.map(doc -> doc.getList(HISTORY, Document.class, List.of())
				.stream()
				.map(entry -> new HistoryEntry(entry.getString("eventId"), entry.getString("type"),
						entry.get("sequence", Number.class).longValue(), entry.getDate("time").toInstant(),
						entry.getString("actor")))
				.toList());
	}

	private static List<Document> historyOf(List<Document> outbox, List<PendingEvent> events) {
		List<Document> history = new ArrayList<>(outbox.size());
		for (int i = 0; i < outbox.size(); i++) {
			Document event = outbox.get(i);
			history.add(new Document("eventId", event.getString("id")).append("type", event.getString("type"))
				.append("sequence", event.get("sequence"))
				.append("time", event.get("time"))
				.append("actor", events.get(i).actor()));
		}
		return history;
	}

	/** The stored names of the state type's top-level properties. */
	private List<String> propertiesOf(Object state) {
		List<String> fields = new ArrayList<>();
		if (state instanceof Map) {
			return fields;
		}
		var entity = this.mongo.getConverter().getMappingContext().getPersistentEntity(state.getClass());
		if (entity == null) {
			return fields;
		}
		entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
			if (!MANAGED_FIELDS.contains(property.getFieldName())) {
				fields.add(property.getFieldName());
			}
		});
		return fields;
	}

	private Document stateOf(Object state) {
		Document doc = new Document();
		this.mongo.getConverter().write(state, doc);
		MANAGED_FIELDS.forEach(doc::remove);
		return doc;
	}

	private List<Document> toOutbox(String aggregateId, long fromVersion, List<PendingEvent> events) {
		List<Document> outbox = new ArrayList<>(events.size());
		long sequence = fromVersion;
		var now = this.clock.instant();
		Map<String, String> current = events.isEmpty() ? Map.of() : this.traces.current();
		for (PendingEvent event : events) {
			sequence++;
			OutboxEvent entry = new OutboxEvent(UUID.randomUUID().toString(), event.type().value(), aggregateId,
					sequence, now, this.json.writeValueAsString(event.payload()),
					event.trace().isEmpty() ? current : event.trace());
			outbox.add(OutboxDocuments.toDocument(entry));
		}
		return outbox;
	}

}
