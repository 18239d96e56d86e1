package dev.scenariohub.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index of the embedded store on two or more top-level keys, which
 * mongo-java-server otherwise ignores: it knows each document's values of the first two
 * keys, and serves a query that names a value of the first key, and optionally a range or
 * a value of the second ({@code {status: "OPEN", closesAt: {$lte: now}}}). The store's
 * own matcher then applies the whole query to what it finds, as it does for any index, so
 * what it finds only has to include every answer. While any document holds an array under
 * one of its keys (where MongoDB would index each element), it serves nothing.
 * <p>
 * What it is for: scenario-service's chronograph asks every 5 s for the open scenarios
 * past their deadline, the awards past their standstill and the pilots with milestones
 * due; each of those read every scenario of the collection, under its lock, and a read of
 * one scenario waited up to a second behind them (bench/README.md).
 */
final class ValueIndex<P> extends MemorySecondaryIndex<P> {

	private static final ValueComparator ORDER = ValueComparator.asc();

	private final String first;

	private final String second;

	/**
	 * By the first key's value: each document's position and value of the second key, in
	 * the order of their {@code _id}, as the collection keeps them.
	 */
	private final Map<Object, Map<Object, Entry<P>>> byFirst = new TreeMap<>(ORDER);

	/** The {@code _id}s of the documents holding an array under one of the keys. */
	private final Set<Object> multikey = new HashSet<>();

	private record Entry<P>(Object second, P position) {
	}

	ValueIndex(String name, List<IndexKey> keys) {
		// a document without a value of the first key has no entry
		super(name, keys);
		this.first = keys.get(0).getKey();
		this.second = keys.get(1).getKey();
	}

	/** Whether an index on {@code keys} can be kept as this one. */
	static boolean serves(List<IndexKey> keys) {
		return keys.size() >= 2 && keys.stream().limit(2).noneMatch(key -> key.getKey().contains("."));
	}

	@Override
	public boolean canHandle(Document query) {
		return this.multikey.isEmpty() && value(condition(query, this.first)) != null;
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		Map<Object, Entry<P>> found = this.byFirst.get(value(condition(query, this.first)));
		if (found == null) {
			return List.of();
		}
		Object range = condition(query, this.second);
		List<P> positions = new ArrayList<>(found.size());
		for (Entry<P> entry : found.values()) {
			if (within(entry.second(), range)) {
				positions.add(entry.position());
			}
		}
		return positions;
	}

	/**
	 * The condition on {@code key} at the top level of the query or of a top-level
	 * {@code $and}, or null.
	 */
	private static Object condition(Document query, String key) {
		if (query.containsKey(key)) {
			return query.get(key);
		}
		if (query.get("$and") instanceof List<?> all) {
			for (Object part : all) {
				if (part instanceof Document condition && condition.containsKey(key)) {
					return condition.get(key);
				}
			}
		}
		return null;
	}

	/** The single value a condition asks for, or null if it asks for something else. */
	private static Object value(Object condition) {
		if (condition instanceof Document operators && operators.size() == 1 && operators.containsKey("$eq")) {
			condition = operators.get("$eq");
		}
		return plain(condition) ? condition : null;
	}

	/** A value compared as itself: not an operator, a list, a pattern or null. */
	private static boolean plain(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
				&& !(value instanceof Pattern) && !(value instanceof Missing);
	}

	/**
	 * Whether a document whose second key holds {@code value} may meet {@code condition}:
	 * false only when the condition is a value or a range of plain values the value is
	 * outside of.
	 */
	private static boolean within(Object value, Object condition) {
		if (condition == null) {
			return true;
		}
		if (!(condition instanceof Document operators)) {
			return !plain(condition) || value != null && ORDER.compare(value, condition) == 0;
		}
		if (operators.isEmpty() || !COMPARISONS.containsAll(operators.keySet())
				|| !operators.values().stream().allMatch(ValueIndex::plain)) {
			return true;
		}
		if (value == null) {
			return false;
		}
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			int order = ORDER.compare(value, operator.getValue());
			boolean holds = switch (operator.getKey()) {
				case "$gt" -> order > 0;
				case "$gte" -> order >= 0;
				case "$lt" -> order < 0;
				case "$lte" -> order <= 0;
				default -> order == 0;
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		Object id = document.get("_id");
		if (keys().stream().anyMatch(key -> document.get(key) instanceof Collection<?>)) {
			this.multikey.add(id);
			return;
		}
		Object value = valueOf(document, this.first);
		if (value != null) {
			// without a value of the first key, no query this index serves can find it
			this.byFirst.computeIfAbsent(value, v -> new TreeMap<>(ORDER))
				.put(id, new Entry<>(valueOf(document, this.second), position));
		}
	}

	/** A document's value of a key, null when it has none (as MongoDB indexes it). */
	private static Object valueOf(Document document, String key) {
		Object value = document.get(key);
		return value instanceof Missing ? null : value;
	}

	@Override
	public P remove(Document document) {
		Object id = document.get("_id");
		this.multikey.remove(id);
		Object value = valueOf(document, this.first);
		Map<Object, Entry<P>> documents = value == null ? null : this.byFirst.get(value);
		if (documents != null) {
			documents.remove(id);
			if (documents.isEmpty()) {
				this.byFirst.remove(value);
			}
		}
		return null;
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
		remove(oldDocument);
		add(newDocument, position, collection);
	}

	@Override
	public long getCount() {
		return this.byFirst.values().stream().mapToLong(Map::size).sum() + this.multikey.size();
	}

	@Override
	public void drop() {
		this.byFirst.clear();
		this.multikey.clear();
	}

}
