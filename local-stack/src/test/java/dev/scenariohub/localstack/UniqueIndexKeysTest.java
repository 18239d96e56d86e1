package dev.scenariohub.localstack;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's unique indexes (every collection's {@code _id}, and each unique
 * key a service declares) find a key without serialising it. mongo-java-server keeps them
 * in H2 maps ordered by H2's default, which compares a key it has no order for by writing
 * both keys out with Java serialisation: each lookup by {@code _id} compared about a
 * dozen times and allocated about 180 kB (bench/README.md), and that garbage was most of
 * what the store collected while only reads arrived.
 */
class UniqueIndexKeysTest {

	@TempDir
	Path dir;

	/**
	 * What a lookup by a unique key allocates in the thread that runs it, in a collection
	 * of 2,000 documents: the keys it compares with are not written out.
	 */
	@Test
	void aLookupByAUniqueKeyAllocatesFewKilobytes() {
		try (Store store = Store.durable(this.dir.resolve("store.mv"))) {
			MongoCollection<Document> enterprises = store.collection("enterprises");
			enterprises.createIndex(new Document("code", 1), new IndexOptions().unique(true).name("code"));
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 2_000; i++) {
				documents.add(new Document("_id", "e" + i).append("code", "91440101MA" + (100_000 + i)));
			}
			enterprises.insertMany(documents);
			AbstractMongoCollection<?> collection = (AbstractMongoCollection<?>) store.backend
				.resolveDatabase("service")
				.resolveCollection("enterprises", true);
			for (int i = 0; i < 200; i++) {
				lookUp(collection, i);
			}

			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			long before = threads.getCurrentThreadAllocatedBytes();
			for (int i = 0; i < 200; i++) {
				lookUp(collection, i);
			}
			long perLookup = (threads.getCurrentThreadAllocatedBytes() - before) / 400;

			assertThat(perLookup).as("bytes allocated per lookup by a unique key").isLessThan(16_000);
		}
	}

	private static void lookUp(AbstractMongoCollection<?> collection, int i) {
		assertThat(collection.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "e" + (i * 7 % 2_000))))
			.hasSize(1);
		assertThat(collection
			.handleQuery(new de.bwaldvogel.mongo.bson.Document("code", "91440101MA" + (100_000 + i * 11 % 2_000))))
			.hasSize(1);
	}

	/**
	 * A file that mongo-java-server's own H2 backend wrote (its unique indexes in maps of
	 * H2's default order) is read as it was: its indexes are built again in the new order
	 * the first time it is opened, and still find every document and refuse a duplicate.
	 */
	@Test
	void aFileWrittenInTheOldOrderIsFoundAndKeptUnique() {
		Path file = this.dir.resolve("old.mv");
		writeInTheOldOrder(file, 300);

		try (Store store = Store.durable(file)) {
			assertFoundAndUnique(store.collection("enterprises"), 300);
			assertThat(store.mapNames()).as("maps in the old order").noneMatch(name -> name.contains("._index_"));
		}
		try (Store store = Store.durable(file)) {
			assertFoundAndUnique(store.collection("enterprises"), 300);
		}
	}

	/**
	 * While the old maps are still there, the new ones were not finished: a start that
	 * stopped half-way through building them (a partly built map saved by H2's background
	 * writer) builds them again from the documents.
	 */
	@Test
	void anIndexWhoseBuildWasCutShortIsBuiltAgain() {
		Path file = this.dir.resolve("cut-short.mv");
		writeInTheOldOrder(file, 50);
		MVStore mvStore = new MVStore.Builder().fileName(file.toString()).open();
		try {
			List<String> oldMaps = mvStore.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
			assertThat(oldMaps).isNotEmpty();
			for (String oldMap : oldMaps) {
				MVMap<Object, Object> partial = mvStore.openMap(oldMap.replace("._index_", UniqueKeyIndex.MAP_INFIX));
				partial.put(new KeyValue("gone"), "gone");
			}
		}
		finally {
			mvStore.close();
		}

		try (Store store = Store.durable(file)) {
			MongoCollection<Document> enterprises = store.collection("enterprises");
			assertFoundAndUnique(enterprises, 50);
			enterprises.insertOne(new Document("_id", "gone").append("code", "gone"));
			assertThat(enterprises.countDocuments(Filters.eq("_id", "gone"))).isOne();
		}
	}

	/**
	 * The order is a total order that agrees with the keys' equality, whatever values
	 * they hold: a map ordered otherwise would lose keys or refuse a key that is not
	 * there.
	 */
	@Test
	void theOrderOfKeysAgreesWithTheirEquality() {
		List<Object> values = new ArrayList<>(List.of("a", "b", "", "ab", 1.0, -0.5, 2.0, Long.MAX_VALUE, 3L, true,
				false, new java.util.Date(5), new java.util.Date(7), java.util.UUID.fromString("0-0-0-0-1"),
				new de.bwaldvogel.mongo.bson.ObjectId(), new de.bwaldvogel.mongo.bson.ObjectId(),
				new de.bwaldvogel.mongo.bson.Document("x", 1.0), new de.bwaldvogel.mongo.bson.Document("x", 2.0),
				List.of(1.0, "a"), List.of("a", 1.0)));
		values.add(null);
		List<KeyValue> keys = new ArrayList<>();
		for (Object first : values) {
			keys.add(new KeyValue(java.util.Collections.singletonList(first)));
			keys.add(new KeyValue(java.util.Arrays.asList(first, "z")));
		}
		// equal keys built apart, as keys read back from the file are
		keys.add(new KeyValue(new de.bwaldvogel.mongo.bson.Document("x", 1.0)));
		keys.add(new KeyValue(new java.util.Date(5)));
		UniqueKeyIndex.ValueOrder order = new UniqueKeyIndex.ValueOrder();

		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				int ab = order.compare(a, b);
				assertThat(ab == 0).as("%s and %s compare as equal", a, b).isEqualTo(a.equals(b));
				assertThat(Integer.signum(ab)).as("%s against %s", a, b)
					.isEqualTo(-Integer.signum(order.compare(b, a)));
				for (KeyValue c : keys) {
					if (ab < 0 && order.compare(b, c) < 0) {
						assertThat(order.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
					}
				}
			}
		}
	}

	private static void writeInTheOldOrder(Path file, int count) {
		try (Store old = Store.of(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()))) {
			MongoCollection<Document> enterprises = old.collection("enterprises");
			enterprises.createIndex(new Document("code", 1), new IndexOptions().unique(true).name("code"));
			for (int i = 0; i < count; i++) {
				enterprises.insertOne(new Document("_id", "e" + i).append("code", "c" + i).append("n", i));
			}
			((H2Backend) old.backend).commit();
		}
	}

	private static void assertFoundAndUnique(MongoCollection<Document> enterprises, int count) {
		for (int i = 0; i < count; i += 7) {
			assertThat(enterprises.find(Filters.eq("_id", "e" + i)).first()).containsEntry("n", i);
			assertThat(enterprises.find(Filters.eq("code", "c" + i)).first()).containsEntry("_id", "e" + i);
		}
		assertThatThrownBy(() -> enterprises.insertOne(new Document("_id", "e3").append("code", "new")))
			.hasMessageContaining("duplicate key");
		assertThatThrownBy(() -> enterprises.insertOne(new Document("_id", "new").append("code", "c4")))
			.hasMessageContaining("duplicate key");
		assertThat(enterprises.countDocuments()).isEqualTo(count);
	}

	/** A store on a file, with a client. */
	private record Store(MongoBackend backend, MongoServer server, MongoClient client) implements AutoCloseable {

		static Store durable(Path file) {
			return of(new EmbeddedMongo.DurableH2Backend(file.toString()));
		}

		static Store of(MongoBackend backend) {
			MongoServer server = new MongoServer(backend);
			InetSocketAddress address = server.bind();
			return new Store(backend, server, MongoClients.create("mongodb://127.0.0.1:" + address.getPort()));
		}

		MongoCollection<Document> collection(String name) {
			return this.client.getDatabase("service").getCollection(name);
		}

		List<String> mapNames() {
			return List.copyOf(((H2Backend) this.backend).getMvStore().getMapNames());
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
			this.backend.close();
		}

	}

}
