package dev.scenariohub.localstack;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index of the embedded store that also serves queries naming its keys among
 * other conditions. mongo-java-server uses an index only for a query on exactly the
 * index's keys, so {@code {_id: x, version: 3}} — every conditional save, lease and
 * read-model update — read every document of the collection, and each such write grew
 * slower with the collection. Here the index finds the documents with those key values
 * (at most one for each), and the store's own matcher then applies the whole query to
 * them, as it does for any index: the answer is the same, only the reading is less.
 * Conditions are taken from the top level of the query and from a top-level {@code $and};
 * anything else is left to the unchanged index or to a scan.
 */
final class KeyedLookupIndex<P> extends Index<P> {

	private final Index<P> unique;

	KeyedLookupIndex(Index<P> unique) {
		super(unique.getName(), unique.getKeys(), false);
		this.unique = unique;
	}

	@Override
	public boolean canHandle(Document query) {
		Document keyed = keyed(query);
		return keyed != null && this.unique.canHandle(keyed);
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		Document keyed = keyed(query);
		return this.unique.getPositions(keyed == null ? query : keyed);
	}

	/** The query's conditions on exactly this index's keys, or null if it has none. */
	private Document keyed(Document query) {
		Document keyed = new Document();
		collect(query, keyed);
		if (query.get("$and") instanceof List<?> all) {
			for (Object part : all) {
				if (part instanceof Document condition) {
					collect(condition, keyed);
				}
			}
		}
		return keyed.keySet().equals(keySet()) ? keyed : null;
	}

	private void collect(Document conditions, Document keyed) {
		for (Map.Entry<String, Object> condition : conditions.entrySet()) {
			if (keySet().contains(condition.getKey()) && !keyed.containsKey(condition.getKey())) {
				keyed.put(condition.getKey(), condition.getValue());
			}
		}
	}

	@Override
	public P getPosition(Document document) {
		return this.unique.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		this.unique.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		this.unique.add(document, position, collection);
	}

	@Override
	public P remove(Document document) {
		return this.unique.remove(document);
	}

	@Override
	public long getCount() {
		return this.unique.getCount();
	}

	@Override
	public long getDataSize() {
		return this.unique.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		this.unique.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
			throws KeyConstraintError {
		this.unique.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		this.unique.drop();
	}

	@Override
	public boolean hasSameOptions(Index<?> other) {
		return this.unique.hasSameOptions(other instanceof KeyedLookupIndex<?> keyed ? keyed.unique : other);
	}

	@Override
	public boolean isUnique() {
		return this.unique.isUnique();
	}

	@Override
	public Document toIndexDescription() {
		return this.unique.toIndexDescription();
	}

}
