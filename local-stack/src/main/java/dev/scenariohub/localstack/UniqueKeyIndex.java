package dev.scenariohub.localstack;

import java.util.Date;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index of the embedded store (every collection's {@code _id}, and each unique
 * key a service declares), kept in an H2 map ordered by the keys' own values.
 * mongo-java-server keeps its unique indexes in maps of H2's default order, which has no
 * order for its key type and so compares two keys by writing both out with Java
 * serialisation: a lookup by {@code _id} among 2,000 documents allocated about 80 kB,
 * most of what the store collected while only reads arrived (bench/README.md).
 * <p>
 * A map's order is the order its file was written in, so this index lives in a map of its
 * own name ({@link #MAP_INFIX}). A file written before has the old map instead: the new
 * one is built from the collection's documents, and the old one removed only then, in the
 * same commit. Until that commit the old map is there, and the next start builds the new
 * one again, however far a cut-short start got.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {

	/** Between a collection's namespace and the index's name, in the map's name. */
	static final String MAP_INFIX = "._unique_";

	/** mongo-java-server's, for the maps of the old order. */
	private static final String OLD_MAP_INFIX = "._index_";

	private final MVMap<KeyValue, Object> positions;

	private UniqueKeyIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.positions = positions;
	}

	/**
	 * Opens the index of {@code collection}, building it from the collection's documents
	 * when the file still has it in the old order.
	 */
	static UniqueKeyIndex open(MVStore store, EmbeddedMongo.CopyingCollection collection, String name,
			List<IndexKey> keys, boolean sparse) {
		String namespace = collection.getFullName();
		MVMap<KeyValue, Object> positions = store.openMap(namespace + MAP_INFIX + name,
				new MVMap.Builder<KeyValue, Object>().keyType(new ValueOrder()));
		UniqueKeyIndex index = new UniqueKeyIndex(positions, name, keys, sparse);
		String old = namespace + OLD_MAP_INFIX + name;
		if (store.hasMap(old)) {
			positions.clear();
			collection.forEachStored((document, position) -> index.add(document, position, collection));
			store.removeMap(old);
			store.commit();
		}
		return index;
	}

	/** Removes the map of the index {@code name} of the collection {@code namespace}. */
	static void drop(MVStore store, String namespace, String name) {
		String map = namespace + MAP_INFIX + name;
		if (store.hasMap(map)) {
			store.removeMap(map);
		}
	}

	@Override
	protected Object removeDocument(KeyValue key) {
		return this.positions.remove(key);
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return this.positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return this.positions.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue key) {
		return this.positions.get(key);
	}

	@Override
	public long getCount() {
		return this.positions.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.positions.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	/**
	 * H2's default type (keys are written to the file as before), ordering index keys
	 * value by value: values of a class whose natural order agrees with its equality by
	 * that order, others (documents, arrays) as H2 did, by their serialised form; values
	 * of different classes by the class's name, a missing value first.
	 */
	static final class ValueOrder extends ObjectDataType {

		/** Classes whose {@code compareTo} is 0 exactly when {@code equals} is true. */
		private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Double.class, Long.class,
				Integer.class, Boolean.class, ObjectId.class, Date.class, java.time.Instant.class, UUID.class);

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof KeyValue x && b instanceof KeyValue y) {
				int common = Math.min(x.size(), y.size());
				for (int i = 0; i < common; i++) {
					int order = compareValues(x.get(i), y.get(i));
					if (order != 0) {
						return order;
					}
				}
				return Integer.compare(x.size(), y.size());
			}
			return super.compare(a, b);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		static int compareValues(Object a, Object b) {
			if (a == b) {
				return 0;
			}
			if (a == null || b == null) {
				return a == null ? -1 : 1;
			}
			if (a.getClass() != b.getClass()) {
				return a.getClass().getName().compareTo(b.getClass().getName());
			}
			if (NATURALLY_ORDERED.contains(a.getClass())) {
				return ((Comparable) a).compareTo(b);
			}
			return compareNotNull(serialize(a), serialize(b));
		}

	}

}
