package dev.scenariohub.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

/**
 * The embedded MongoDB-protocol store as a process of its own
 * ({@code EmbeddedMongo <port>
 * <file>}), so that it can fail, be killed and be restarted like the broker and the
 * services. Every command is committed to the file before it is answered: a write the
 * store acknowledged survives the process being killed.
 */
public final class EmbeddedMongo {

	private EmbeddedMongo() {
	}

	/** The H2 MVStore backend, committing after each command instead of once a second. */
	static final class DurableH2Backend extends H2Backend {

		DurableH2Backend(String fileName) {
			super(fileName);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new KeyedLookupDatabase(databaseName);
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			try {
				return super.handleCommand(channel, databaseName, command, query);
			}
			finally {
				commit();
			}
		}

		/**
		 * A database whose unique indexes also serve queries that name their keys among
		 * others, whose secondary indexes on one key serve some queries, and whose
		 * collections never change a stored document in place. An inner class: the
		 * database opens its collections while it is being constructed, before any field
		 * of its own would be set, so it takes the store from the backend.
		 */
		final class KeyedLookupDatabase extends H2Database {

			KeyedLookupDatabase(String databaseName) {
				super(databaseName, getMvStore(), getCursorRegistry());
			}

			/**
			 * As H2Database opens a collection, from the maps of the names it gives them
			 * (so a data file written before is read as it was), as a
			 * {@link CopyingCollection}.
			 */
			@Override
			protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
				String namespace = getFullCollectionNamespace(collectionName);
				MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
				MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
				return new CopyingCollection(this, collectionName, options, data, meta, this.cursorRegistry);
			}

			/**
			 * A secondary index on one top-level key as a {@link PresenceIndex}; others
			 * (compound, or on a key inside arrays or subdocuments) stay ignored, as
			 * mongo-java-server ignores them.
			 */
			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return keys.size() == 1 && !keys.get(0).getKey().contains(".")
						? new PresenceIndex<>(indexName, keys.get(0))
						: super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
			}

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return new KeyedLookupIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
			}

		}

	}

	/**
	 * A collection whose stored documents never change once stored: an update changes a
	 * copy and stores that. mongo-java-server updates the stored document in place, field
	 * by field, under the collection's lock — but replies are encoded after the lock is
	 * let go, and hold the stored documents themselves: a reply could be read half
	 * updated, or fail to encode (a ConcurrentModificationException that closes the
	 * connection, and with it every call the client had in flight on it). Queries still
	 * answer the stored documents, uncopied.
	 */
	static final class CopyingCollection extends H2Collection {

		/**
		 * While an update runs (under the collection's lock): what it finds is copied.
		 */
		private boolean changing;

		CopyingCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
				boolean multi, boolean upsert, Oplog oplog) {
			this.changing = true;
			try {
				return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
			}
			finally {
				this.changing = false;
			}
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			this.changing = true;
			try {
				return super.findAndModify(query);
			}
			finally {
				this.changing = false;
			}
		}

		/** The documents an update found, as copies for it to change. */
		@Override
		protected QueryResult createQueryResult(List<Document> found, int batchSize) {
			return super.createQueryResult(this.changing
					? found.stream().map(Document::cloneDeeply).collect(Collectors.toCollection(ArrayList::new))
					: found, batchSize);
		}

	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("Usage: EmbeddedMongo <port> <data file>");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]);
		Files.createDirectories(file.toAbsolutePath().getParent());
		DurableH2Backend backend = new DurableH2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", port));
		System.out.println("MongoDB-protocol store listening on 127.0.0.1:" + port + ", data in " + file);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdownNow();
			backend.close();
			stopped.countDown();
		}, "stop-embedded-mongo"));
		stopped.await();
	}

}
