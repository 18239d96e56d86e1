package dev.scenariohub.localstack;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index of the embedded store kept in memory (rebuilt from the documents when
 * the store starts): never unique, so it refuses nothing and says where no document is.
 * Sparse to mongo-java-server: a document it has no entry for is removed without one.
 * Like every index of the store, it is read and changed under its collection's lock.
 */
abstract class MemorySecondaryIndex<P> extends Index<P> {

	/** The operators that compare a key's value with a given one. */
	static final Set<String> COMPARISONS = Set.of("$gt", "$gte", "$lt", "$lte", "$eq");

	MemorySecondaryIndex(String name, List<IndexKey> keys) {
		super(name, keys, true);
	}

	@Override
	public final P getPosition(Document document) {
		// not unique: the _id index says where a document is
		return null;
	}

	@Override
	public final void checkAdd(Document document, MongoCollection<P> collection) {
		// nothing to refuse
	}

	@Override
	public final void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// nothing to refuse
	}

	@Override
	public final long getDataSize() {
		return 0;
	}

}
