package dev.scenariohub.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index of the embedded store on one top-level key, which mongo-java-server
 * otherwise ignores: it knows which documents have the key at all, and serves a query
 * whose condition on the key only a document that has it can meet ({@code $gte},
 * {@code $lt}, {@code $exists: true}, a value) — while those are few among the
 * collection's documents. The store's own matcher then applies the whole query to them,
 * as it does for any index. What it is for: the outbox relay's sweep and the outbox
 * metrics look for documents marked {@code outboxSince}, which only documents with events
 * still to publish carry; without it each sweep read every document of each aggregate
 * collection every two seconds, and every other command on that collection waited for it.
 */
final class PresenceIndex<P> extends MemorySecondaryIndex<P> {

	/**
	 * A document counts as few while this share of the collection has the key or less.
	 */
	private static final int FEW = 4;

	private final String key;

	/** The positions of the documents that have the key, by their {@code _id}. */
	private final Map<Object, P> present = new HashMap<>();

	private MongoCollection<P> collection;

	PresenceIndex(String name, IndexKey key) {
		// a document without the key has no entry
		super(name, List.of(key));
		this.key = key.getKey();
	}

	@Override
	public boolean canHandle(Document query) {
		return impliesPresence(query)
				&& (this.collection == null || this.present.size() * FEW <= this.collection.count());
	}

	private boolean impliesPresence(Document query) {
		if (impliesPresence(query.get(this.key), query.containsKey(this.key))) {
			return true;
		}
		if (query.get("$and") instanceof List<?> all) {
			for (Object part : all) {
				if (part instanceof Document condition
						&& impliesPresence(condition.get(this.key), condition.containsKey(this.key))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean impliesPresence(Object condition, boolean named) {
		if (!named || condition == null) {
			return false;
		}
		if (!(condition instanceof Document operators)) {
			return true;
		}
		if (operators.isEmpty() || !operators.keySet().stream().allMatch(name -> name.startsWith("$"))) {
			// a whole subdocument to equal
			return true;
		}
		if (Boolean.TRUE.equals(operators.get("$exists"))) {
			return true;
		}
		return operators.entrySet()
			.stream()
			.anyMatch(operator -> COMPARISONS.contains(operator.getKey()) && operator.getValue() != null);
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		return List.copyOf(this.present.values());
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		this.collection = collection;
		if (document.containsKey(this.key)) {
			this.present.put(document.get("_id"), position);
		}
	}

	@Override
	public P remove(Document document) {
		this.present.remove(document.get("_id"));
		return null;
	}

	@Override
	public long getCount() {
		return this.present.size();
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
		this.collection = collection;
		if (newDocument.containsKey(this.key)) {
			this.present.put(newDocument.get("_id"), position);
		}
		else {
			this.present.remove(oldDocument.get("_id"));
		}
	}

	@Override
	public void drop() {
		this.present.clear();
	}

}
