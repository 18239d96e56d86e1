package dev.scenariohub.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/**
	 * The cache of pages read from the file, in megabytes, unless the system property
	 * {@code scenariohub.store.cache-mb} says otherwise. H2's default of 16 counts each
	 * document at twice its serialised size (10 kB before it has written one): about
	 * 3,000 documents of an enterprise's size. A page it no longer holds is read and
	 * deserialised again, document by document (bench/README.md: at 20,000 documents, 64
	 * took the allocation of an update from about 280 to 180 kB).
	 */
	static final int CACHE_MEGABYTES = Integer.getInteger("scenariohub.store.cache-mb", 64);

	/** Commands that change nothing in the file (by their lower-case names). */
	static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct", "listcollections",
			"listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo", "getlasterror", "dbstats",
			"collstats", "serverstatus", "whatsmyuri", "getparameter", "connectionstatus", "endsessions");

	/** The H2 MVStore backend, committing after each command instead of once a second. */
	static class DurableH2Backend extends H2Backend {

		/**
		 * Set after the backend has opened the databases already in the file, in
		 * {@link IndexOrder#VALUES} while it is unset: a file keeps the order it was
		 * written in.
		 */
		private IndexOrder order;

		DurableH2Backend(String fileName) {
			this(fileName, IndexOrder.VALUES, CACHE_MEGABYTES);
		}

		/**
		 * A store whose new unique indexes keep their keys in {@code order}, with a cache
		 * of pages read from the file of {@code cacheMegabytes}.
		 */
		DurableH2Backend(String fileName, IndexOrder order, int cacheMegabytes) {
			super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
			this.order = order;
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new KeyedLookupDatabase(databaseName);
		}

		/**
		 * Commits what a command wrote before it is answered. A command that only reads
		 * has nothing to commit, and does not wait for the file: a commit takes the
		 * store's lock, which its background writer holds while it compacts the file.
		 */
		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			try {
				return super.handleCommand(channel, databaseName, command, query);
			}
			finally {
				if (!onlyReads(command, query)) {
					commit();
				}
			}
		}

		private static boolean onlyReads(String command, Document query) {
			String name = command.toLowerCase(Locale.ROOT);
			if (name.equals("aggregate")) {
				return !mentions(query.get("pipeline"), "$out") && !mentions(query.get("pipeline"), "$merge");
			}
			return READS.contains(name);
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
			 * A secondary index on one top-level key as a {@link PresenceIndex}, one
			 * whose first two keys are top-level as a {@link ValueIndex}; others (on a
			 * key inside arrays or subdocuments) stay ignored, as mongo-java-server
			 * ignores them.
			 */
			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				if (keys.size() == 1 && !keys.get(0).getKey().contains(".")) {
					return new PresenceIndex<>(indexName, keys.get(0));
				}
				return ValueIndex.serves(keys) ? new ValueIndex<>(indexName, keys)
						: super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
			}

			/**
			 * An aggregation that starts with {@code $match} (the driver counts that way)
			 * reads what the match finds through the collection's indexes, as a query
			 * does, and runs the other stages on that. mongo-java-server reads every
			 * document of the collection into one list first, under the collection's
			 * lock, while every other command on it waits: each service counts its outbox
			 * backlog every 10 s, and at 10,000 enterprises the store collected its whole
			 * heap every 10 s (110-270 ms each, bench/README.md).
			 */
			@Override
			public Document handleCommand(Channel channel, String command, Document query,
					DatabaseResolver databaseResolver, Oplog oplog) {
				if (command.equalsIgnoreCase("aggregate") && !query.containsKey("explain")
						&& query.get("aggregate") instanceof String collectionName
						&& query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
						&& pipeline.get(0) instanceof Document first && first.size() == 1
						&& first.get("$match") instanceof Document filter && !mentions(filter, "$expr")
						&& resolveCollection(collectionName, false) instanceof CopyingCollection collection) {
					clearLastStatus(channel);
					List<Document> stages = pipeline.subList(1, pipeline.size())
						.stream()
						.map(Document.class::cast)
						.toList();
					Aggregation rest = Aggregation.fromPipeline(stages, databaseResolver, this, collection, oplog);
					rest.validate(query);
					List<Document> answer = rest.runStages(collection.matching(filter).stream());
					Document cursor = new Document("id", 0L);
					cursor.put("ns", getFullCollectionNamespace(collectionName));
					cursor.put("firstBatch", answer);
					Document response = new Document("cursor", cursor);
					response.put("ok", 1.0);
					return response;
				}
				return super.handleCommand(channel, command, query, databaseResolver, oplog);
			}

			/**
			 * A unique index as a {@link UniqueKeyIndex} (ordered by its keys' values),
			 * which also serves queries naming its keys among others.
			 */
			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				Index<Object> unique = order != IndexOrder.SERIALISED
						&& resolveCollection(collectionName, false) instanceof CopyingCollection collection
								? UniqueKeyIndex.open(getMvStore(), collection, indexName, keys, sparse)
								: super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
				return new KeyedLookupIndex<>(unique);
			}

			@Override
			protected void dropIndex(MongoCollection<Object> collection, String indexName) {
				super.dropIndex(collection, indexName);
				UniqueKeyIndex.drop(getMvStore(), collection.getFullName(), indexName);
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

		/** A collection this large is reported when a query reads all of it. */
		static final int LARGE = 1_000;

		private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

		/**
		 * While an update runs (under the collection's lock): what it finds is copied.
		 */
		private boolean changing;

		private final AtomicLong scans = new AtomicLong();

		/**
		 * When each shape of query was last reported reading every document, in
		 * nanoseconds.
		 */
		private final Map<String, Long> reported = new HashMap<>();

		/** The documents by {@code _id}, the map H2Collection keeps them in. */
		private final MVMap<Object, Document> data;

		CopyingCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
			this.data = data;
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

		/**
		 * The documents {@code filter} matches, found through an index that can answer
		 * it, else by reading every document.
		 */
		synchronized List<Document> matching(Document filter) {
			List<Document> found = new ArrayList<>();
			queryDocuments(filter, null, 0, 0, 0, null).forEach(found::add);
			return found;
		}

		/** Calls {@code action} with each stored document and its position. */
		synchronized void forEachStored(BiConsumer<Document, Object> action) {
			streamAllDocumentsWithPosition()
				.forEach(stored -> action.accept(stored.getDocument(), stored.getPosition()));
		}

		/** Reads of every document (a query no index could answer), for tests to see. */
		long scans() {
			return this.scans.get();
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Object end = query.isEmpty() && numberToSkip == 0 && Math.abs(limit) == 1 ? endByNumericId(orderBy) : null;
			if (end != null) {
				return matchDocuments(query, List.of(end), orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			this.scans.incrementAndGet();
			reportLargeScan(query);
			return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		/**
		 * The first or last {@code _id}, when {@code orderBy} asks for the order of
		 * {@code _id} alone and every {@code _id} is a number of one type: the
		 * collection's map keeps documents by {@code _id}, its keys of one type in their
		 * natural order, and all keys of a type together (so the first and last keys are
		 * of one type only if all are). Otherwise null. notification-service reads the
		 * public feed's head so; mongo-java-server read and sorted every entry for it.
		 */
		private Object endByNumericId(Document orderBy) {
			if (orderBy == null || orderBy.size() != 1 || !(orderBy.get("_id") instanceof Number direction)) {
				return null;
			}
			Object first = this.data.firstKey();
			Object last = this.data.lastKey();
			if (first == null || last == null || first.getClass() != last.getClass()
					|| !(first instanceof Long || first instanceof Integer)) {
				return null;
			}
			return direction.intValue() < 0 ? last : first;
		}

		/**
		 * Logs a query no index serves on a collection of {@link #LARGE} documents or
		 * more, by its shape (keys and operators, no values), at most once a minute per
		 * shape: every other command on the collection waits while it reads them all.
		 */
		private void reportLargeScan(Document query) {
			int count = count();
			if (count < LARGE) {
				return;
			}
			String shape = String.valueOf(shape(query));
			long now = System.nanoTime();
			Long last = this.reported.get(shape);
			if (last == null || now - last > TimeUnit.MINUTES.toNanos(1)) {
				this.reported.put(shape, now);
				LOG.warn("{}: a query no index serves read all {} documents: {}", getFullName(), count, shape);
			}
		}

		/** A query's keys and operators, each value replaced by {@code ?}. */
		static Object shape(Object query) {
			if (query instanceof Document document) {
				Map<String, Object> shape = new LinkedHashMap<>();
				document.forEach((key, value) -> shape.put(key, shape(value)));
				return shape;
			}
			if (query instanceof List<?> list) {
				return list.stream().map(CopyingCollection::shape).toList();
			}
			return "?";
		}

		/** The documents an update found, as copies for it to change. */
		@Override
		protected QueryResult createQueryResult(List<Document> found, int batchSize) {
			return super.createQueryResult(this.changing
					? found.stream().map(Document::cloneDeeply).collect(Collectors.toCollection(ArrayList::new))
					: found, batchSize);
		}

	}

	/** Whether {@code operator} is a key anywhere in {@code value}. */
	static boolean mentions(Object value, String operator) {
		if (value instanceof Document document) {
			return document.containsKey(operator)
					|| document.values().stream().anyMatch(inner -> mentions(inner, operator));
		}
		if (value instanceof List<?> list) {
			return list.stream().anyMatch(inner -> mentions(inner, operator));
		}
		return false;
	}

	/**
	 * A store in this process, listening on 127.0.0.1 at a free port, for measurements of
	 * the store alone ({@code bench/store.sh}).
	 * @return the store's address and how to stop it
	 */
	public static Running start(Path file, IndexOrder order, int cacheMegabytes) {
		DurableH2Backend backend = new DurableH2Backend(file.toString(), order, cacheMegabytes);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		return new Running("mongodb://127.0.0.1:" + address.getPort(), () -> {
			server.shutdownNow();
			backend.close();
		});
	}

	/** A store started by {@link #start}. */
	public record Running(String uri, Runnable stop) implements AutoCloseable {

		@Override
		public void close() {
			this.stop.run();
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
