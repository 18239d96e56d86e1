package dev.scenariohub.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

	@TempDir
	static Path dir;

	static EmbeddedMongo.DurableH2Backend backend;

	static MongoServer server;

	static MongoClient client;

	static MongoCollection<Document> aggregates;

	@BeforeAll
	static void start() throws Exception {
		backend = new EmbeddedMongo.DurableH2Backend(Files.createDirectories(dir).resolve("store.mv").toString());
		server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		aggregates = client.getDatabase("service").getCollection("aggregates");
		for (int i = 0; i < 50; i++) {
			aggregates.insertOne(new Document("_id", "a" + i).append("version", 1).append("outbox", List.of("e" + i)));
		}
	}

	@AfterAll
	static void stop() {
		client.close();
		server.shutdownNow();
		backend.close();
	}

	@SuppressWarnings("unchecked")
	private static Index<Object> idIndex() {
		AbstractMongoDatabase<Object> database = (AbstractMongoDatabase<Object>) backend.resolveDatabase("service");
		AbstractMongoCollection<Object> collection = (AbstractMongoCollection<Object>) database
			.resolveCollection("aggregates", true);
		return collection.getIndexes().stream().filter(i -> i.getName().equals("_id_")).findFirst().orElseThrow();
	}

	@Test
	void queriesNamingTheIdAmongOtherConditionsAreServedByTheIdIndex() {
		Index<Object> index = idIndex();
		de.bwaldvogel.mongo.bson.Document conditionalSave = new de.bwaldvogel.mongo.bson.Document("_id", "a7")
			.append("version", 1);
		de.bwaldvogel.mongo.bson.Document scopedClaim = new de.bwaldvogel.mongo.bson.Document("$and",
				List.of(new de.bwaldvogel.mongo.bson.Document("_id", "a7"), new de.bwaldvogel.mongo.bson.Document(
						"outbox.0", new de.bwaldvogel.mongo.bson.Document("$exists", true))));
		assertThat(index.canHandle(conditionalSave)).isTrue();
		assertThat(index.canHandle(scopedClaim)).isTrue();
		assertThat(index.getPositions(conditionalSave)).hasSize(1);
		assertThat(index.getPositions(scopedClaim)).hasSize(1);
		// a range on the id, or no id at all, is still read by a scan
		assertThat(index.canHandle(
				new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a1"))))
			.isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("version", 1))).isFalse();
	}

	@Test
	void aConditionalUpdateChangesTheDocumentOnlyWhenEveryConditionHolds() {
		assertThat(aggregates
			.updateOne(Filters.and(Filters.eq("_id", "a3"), Filters.eq("version", 2)), Updates.set("version", 3))
			.getMatchedCount()).isZero();
		assertThat(aggregates
			.updateOne(Filters.and(Filters.eq("_id", "a3"), Filters.eq("version", 1)), Updates.set("version", 2))
			.getMatchedCount()).isOne();
		assertThat(aggregates.find(Filters.eq("_id", "a3")).first().getInteger("version")).isEqualTo(2);
		assertThat(aggregates.countDocuments(Filters.eq("version", 2))).isOne();
	}

	@Test
	void queriesAnswerAsBeforeWhateverTheirShape() {
		assertThat(
				aggregates
					.find(new Document("$and",
							List.of(new Document("_id", "a4"),
									new Document("outbox.0", new Document("$exists", true)))))
					.first())
			.isNotNull();
		assertThat(
				aggregates
					.find(new Document("$and",
							List.of(new Document("_id", "a4"),
									new Document("outbox.0", new Document("$exists", false)))))
					.first())
			.isNull();
		assertThat(aggregates.find(Filters.and(Filters.in("_id", "a1", "a2", "nope"), Filters.eq("version", 1)))
			.sort(Sorts.ascending("_id"))
			.map(d -> d.getString("_id"))
			.into(new java.util.ArrayList<>())).containsExactly("a1", "a2");
		assertThat(aggregates.countDocuments(Filters.and(Filters.gt("_id", "a47"), Filters.lt("_id", "a5"))))
			.isEqualTo(2);
		assertThat(aggregates.find(Filters.and(Filters.eq("_id", "missing"), Filters.eq("version", 1))).first())
			.isNull();
	}

	/**
	 * The outbox sweep looks for the few documents marked {@code outboxSince}; with its
	 * single-key index ignored, each sweep read the whole collection (at 50,000
	 * enterprises, creating one more went from 50 a second to 12). It is read by the
	 * index now, and answers as a scan would.
	 */
	@Test
	void aQueryForTheFewDocumentsThatHaveAKeyIsServedByItsIndex() {
		MongoCollection<Document> pending = client.getDatabase("service").getCollection("pending");
		pending.createIndex(new Document("outboxSince", 1), new com.mongodb.client.model.IndexOptions().name("marked"));
		java.util.Date since = java.util.Date.from(java.time.Instant.parse("2026-01-01T00:00:00Z"));
		for (int i = 0; i < 200; i++) {
			Document document = new Document("_id", "p" + i).append("version", 1);
			if (i % 50 == 0) {
				document.append("outboxSince", since);
			}
			pending.insertOne(document);
		}
		pending.updateOne(Filters.eq("_id", "p50"), Updates.unset("outboxSince"));
		pending.updateOne(Filters.eq("_id", "p7"), Updates.set("outboxSince", since));
		pending.deleteOne(Filters.eq("_id", "p100"));
		Index<Object> marked = index("pending", "marked");
		Document claim = new Document("$and",
				List.of(new Document(), new Document("outboxSince", new Document("$gte", new java.util.Date(0))),
						new Document("$or", List.of(new Document("lease", new Document("$exists", false))))));

		assertThat(marked.canHandle(toServer(claim))).isTrue();
		assertThat(marked.getPositions(toServer(claim))).hasSize(3);
		assertThat(pending.find(claim)
			.sort(Sorts.ascending("_id"))
			.map(d -> d.getString("_id"))
			.into(new java.util.ArrayList<>())).containsExactly("p0", "p150", "p7");
		assertThat(pending.countDocuments(Filters.exists("outboxSince"))).isEqualTo(3);
		// conditions a document without the key can meet are still answered by a scan
		assertThat(marked.canHandle(toServer(new Document("outboxSince", null)))).isFalse();
		assertThat(marked.canHandle(toServer(new Document("outboxSince", new Document("$exists", false))))).isFalse();
		assertThat(pending.countDocuments(Filters.exists("outboxSince", false))).isEqualTo(196);
	}

	/**
	 * An index on a key inside an array or subdocument ({@code assignments.id}) is not a
	 * key any document has at its top level: it stays ignored, and the query is answered
	 * by a scan (taken for a presence index, it found nothing, and scores for an existing
	 * review assignment were answered 404).
	 */
	@Test
	void aQueryOnAnIndexedKeyInsideSubdocumentsFindsThem() {
		MongoCollection<Document> nested = client.getDatabase("service").getCollection("nested");
		nested.createIndex(new Document("assignments.id", 1));
		nested.insertOne(new Document("_id", "n1").append("assignments",
				List.of(new Document("id", "as-1"), new Document("id", "as-2"))));
		nested.insertOne(new Document("_id", "n2").append("assignments", List.of(new Document("id", "as-3"))));

		assertThat(nested.find(Filters.eq("assignments.id", "as-2")).map(d -> d.getString("_id")).first())
			.isEqualTo("n1");
		assertThat(nested.countDocuments(Filters.eq("assignments.id", "as-3"))).isOne();
	}

	/**
	 * The driver counts with an aggregation ({@code $match}, then {@code $group}), which
	 * mongo-java-server answered by reading every document of the collection under its
	 * lock, every other command on it waiting: each service's outbox backlog is counted
	 * every 10 s (at 10,000 enterprises, the store collected its whole heap every 10 s).
	 * A leading {@code $match} is now read through the collection's indexes, as a query
	 * is, and every aggregation answers as before.
	 */
	@Test
	void anAggregationThatStartsWithAMatchReadsOnlyWhatTheMatchFinds() {
		MongoCollection<Document> counted = client.getDatabase("service").getCollection("counted");
		counted.createIndex(new Document("outboxSince", 1), new com.mongodb.client.model.IndexOptions().name("marked"));
		for (int i = 0; i < 100; i++) {
			Document document = new Document("_id", String.format("c%03d", i)).append("version", i % 3);
			if (i % 25 == 0) {
				document.append("outboxSince", new java.util.Date(1_000_000L * i));
			}
			counted.insertOne(document);
		}
		EmbeddedMongo.CopyingCollection collection = (EmbeddedMongo.CopyingCollection) backend
			.resolveDatabase("service")
			.resolveCollection("counted", true);
		long scans = collection.scans();

		assertThat(counted.countDocuments(Filters.gte("outboxSince", new java.util.Date(0)))).isEqualTo(4);
		assertThat(collection.scans()).as("whole-collection reads").isEqualTo(scans);
		assertThat(counted.countDocuments(Filters.exists("outboxSince"),
				new com.mongodb.client.model.CountOptions().skip(1).limit(2)))
			.isEqualTo(2);
		assertThat(
				counted
					.aggregate(List.of(com.mongodb.client.model.Aggregates.match(Filters.exists("outboxSince")),
							com.mongodb.client.model.Aggregates.sort(Sorts.descending("_id")),
							com.mongodb.client.model.Aggregates
								.project(com.mongodb.client.model.Projections.include("_id"))))
					.map(d -> d.getString("_id"))
					.into(new java.util.ArrayList<>()))
			.containsExactly("c075", "c050", "c025", "c000");
		assertThat(collection.scans()).as("whole-collection reads").isEqualTo(scans);

		// what no index answers is read whole, as before, and answers the same
		assertThat(counted.countDocuments(Filters.eq("version", 1))).isEqualTo(33);
		assertThat(counted.countDocuments()).isEqualTo(100);
		assertThat(counted.countDocuments(Filters.exists("outboxSince", false))).isEqualTo(96);
		assertThat(counted.aggregate(List.of(
				com.mongodb.client.model.Aggregates.match(Filters.expr(new Document("$gt", List.of("$version", 1)))),
				com.mongodb.client.model.Aggregates.group("$version",
						com.mongodb.client.model.Accumulators.sum("n", 1))))
			.first()).isEqualTo(new Document("_id", 2).append("n", 33));
		assertThat(
				counted.aggregate(List.of(com.mongodb.client.model.Aggregates.match(Filters.eq("version", 7)))).first())
			.isNull();
	}

	/**
	 * scenario-service's chronograph asks every 5 s for the open scenarios past their
	 * deadline, through an index on (status, closesAt); mongo-java-server ignores
	 * compound indexes, so each such query read every scenario under the collection's
	 * lock, and a read of one scenario waited up to a second behind it (bench/README.md).
	 * A query that names a value of the first key is now served by the index, and every
	 * query answers as before, also after updates and deletes, and while a document holds
	 * an array under a key (then the index stands aside).
	 */
	@Test
	void aQueryNamingTheFirstKeyOfACompoundIndexIsServedByIt() {
		MongoCollection<Document> scenarios = client.getDatabase("service").getCollection("timed");
		scenarios.createIndex(new Document("status", 1).append("closesAt", 1));
		java.util.Date now = new java.util.Date(1_000_000_000L);
		for (int i = 0; i < 120; i++) {
			scenarios.insertOne(
					new Document("_id", String.format("t%03d", i)).append("status", i % 3 == 0 ? "DRAFT" : "OPEN")
						.append("closesAt", new java.util.Date(now.getTime() + (i % 10 == 1 ? -1 : 1) * 60_000L * i)));
		}
		scenarios.insertOne(new Document("_id", "t-none").append("status", "OPEN"));
		EmbeddedMongo.CopyingCollection collection = (EmbeddedMongo.CopyingCollection) backend
			.resolveDatabase("service")
			.resolveCollection("timed", true);
		long scans = collection.scans();

		List<Document> due = scenarios.find(Filters.and(Filters.eq("status", "OPEN"), Filters.lte("closesAt", now)))
			.into(new java.util.ArrayList<>());
		assertThat(due).extracting(d -> d.getString("_id"))
			.containsExactly("t001", "t011", "t031", "t041", "t061", "t071", "t091", "t101");
		assertThat(scenarios.countDocuments(Filters.eq("status", "DRAFT"))).isEqualTo(40);
		assertThat(scenarios.countDocuments(Filters.and(Filters.eq("status", "OPEN"), Filters.gt("closesAt", now),
				Filters.lt("closesAt", new java.util.Date(now.getTime() + 60_000L * 10)))))
			.isEqualTo(5);
		assertThat(collection.scans()).as("whole-collection reads").isEqualTo(scans);

		scenarios.updateOne(Filters.eq("_id", "t001"), com.mongodb.client.model.Updates.set("status", "CLOSED"));
		scenarios.deleteOne(Filters.eq("_id", "t011"));
		scenarios.updateOne(Filters.eq("_id", "t002"), com.mongodb.client.model.Updates.set("closesAt", now));
		assertThat(scenarios.find(Filters.and(Filters.eq("status", "OPEN"), Filters.lte("closesAt", now)))
			.map(d -> d.getString("_id"))
			.into(new java.util.ArrayList<>())).containsExactly("t002", "t031", "t041", "t061", "t071", "t091", "t101");
		assertThat(scenarios.countDocuments(Filters.eq("status", "CLOSED"))).isOne();
		assertThat(collection.scans()).as("whole-collection reads").isEqualTo(scans);

		// an array under a key: MongoDB would index each element; the index stands aside
		scenarios.insertOne(
				new Document("_id", "t-array").append("status", List.of("OPEN", "LATE")).append("closesAt", now));
		assertThat(scenarios.countDocuments(Filters.and(Filters.eq("status", "OPEN"), Filters.lte("closesAt", now))))
			.isEqualTo(8);
		scenarios.deleteOne(Filters.eq("_id", "t-array"));
		assertThat(scenarios.countDocuments(Filters.and(Filters.eq("status", "OPEN"), Filters.lte("closesAt", now))))
			.isEqualTo(7);
		assertThat(scenarios.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(79);
	}

	/**
	 * notification-service reads the public feed's head as the entry with the highest
	 * {@code _id}; mongo-java-server read and sorted every entry to answer it (logged by
	 * the store in the matching benchmark). The first or last by a numeric {@code _id} is
	 * now read at the end of the collection's map, which keeps documents in that order;
	 * other ids, queries and sorts are answered as before.
	 */
	@Test
	void theFirstOrLastByANumericIdIsReadWithoutReadingTheRest() {
		MongoCollection<Document> feed = client.getDatabase("service").getCollection("positions");
		for (long position = 1; position <= 60; position++) {
			feed.insertOne(new Document("_id", position).append("type", position % 2 == 0 ? "even" : "odd"));
		}
		EmbeddedMongo.CopyingCollection collection = (EmbeddedMongo.CopyingCollection) backend
			.resolveDatabase("service")
			.resolveCollection("positions", true);
		long scans = collection.scans();

		assertThat(feed.find().sort(Sorts.descending("_id")).limit(1).first()).containsEntry("_id", 60L);
		assertThat(feed.find().sort(Sorts.ascending("_id")).limit(1).first()).containsEntry("_id", 1L);
		assertThat(feed.find()
			.sort(Sorts.descending("_id"))
			.limit(1)
			.projection(com.mongodb.client.model.Projections.include("_id"))
			.first()).isEqualTo(new Document("_id", 60L));
		assertThat(collection.scans()).as("whole-collection reads").isEqualTo(scans);

		// anything else as before: more than one, another sort, a condition
		assertThat(
				feed.find().sort(Sorts.descending("_id")).limit(2).map(d -> d.getLong("_id")).into(new ArrayList<>()))
			.containsExactly(60L, 59L);
		assertThat(feed.find(Filters.eq("type", "odd")).sort(Sorts.descending("_id")).limit(1).first())
			.containsEntry("_id", 59L);
		// ids of another type sort after numbers
		feed.insertOne(new Document("_id", "z").append("type", "text"));
		assertThat(feed.find().sort(Sorts.descending("_id")).limit(1).first()).containsEntry("_id", "z");
		assertThat(feed.find().sort(Sorts.ascending("_id")).limit(1).first()).containsEntry("_id", 1L);
		feed.insertOne(new Document("_id", 0).append("type", "int"));
		assertThat(feed.find().sort(Sorts.ascending("_id")).limit(1).first()).containsEntry("_id", 0);
	}

	/**
	 * A query that reads a whole large collection is logged by its shape, which names no
	 * value (values can be people's addresses, names, tokens).
	 */
	@Test
	void aQueryIsReportedByItsShapeWithoutItsValues() {
		de.bwaldvogel.mongo.bson.Document query = toServer(new Document("recipient", "someone@example.com")
			.append("$or", List.of(new Document("sectors", "HEALTH"),
					new Document("createdAt", new Document("$lte", new java.util.Date(5))))));

		assertThat(String.valueOf(EmbeddedMongo.CopyingCollection.shape(query)))
			.isEqualTo("{recipient=?, $or=[{sectors=?}, {createdAt={$lte=?}}]}");
	}

	private static de.bwaldvogel.mongo.bson.Document toServer(Document query) {
		return de.bwaldvogel.mongo.bson.Document.class.cast(convert(query));
	}

	/** A driver document as the server's own, for asking an index directly. */
	private static Object convert(Object value) {
		if (value instanceof Document document) {
			de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
			document.forEach((k, v) -> converted.put(k, convert(v)));
			return converted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EmbeddedMongoTest::convert).toList();
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Index<Object> index(String collectionName, String name) {
		AbstractMongoDatabase<Object> database = (AbstractMongoDatabase<Object>) backend.resolveDatabase("service");
		AbstractMongoCollection<Object> collection = (AbstractMongoCollection<Object>) database
			.resolveCollection(collectionName, true);
		return collection.getIndexes().stream().filter(i -> i.getName().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * A reply is encoded after the collection's lock is let go, so what a query answered
	 * must not change when the document is updated next: readers would get half an
	 * update, or no answer at all (the encoder failing with a
	 * ConcurrentModificationException, the connection closed, and every other call on the
	 * client's pool failed with it — a 500 on register and verify in the
	 * 100,000-enterprise run).
	 */
	@Test
	@SuppressWarnings("unchecked")
	void whatAQueryAnsweredDoesNotChangeWhenTheDocumentIsUpdated() {
		MongoCollection<Document> answers = client.getDatabase("service").getCollection("answers");
		answers.insertOne(new Document("_id", "s").append("version", 1).append("lease", "relay-1"));
		AbstractMongoCollection<Object> collection = (AbstractMongoCollection<Object>) ((AbstractMongoDatabase<Object>) backend
			.resolveDatabase("service")).resolveCollection("answers", true);
		de.bwaldvogel.mongo.bson.Document answered = collection
			.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "s"))
			.iterator()
			.next();

		collection.updateDocuments(new de.bwaldvogel.mongo.bson.Document("_id", "s"),
				new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("version", 2))
					.append("$unset", new de.bwaldvogel.mongo.bson.Document("lease", "")),
				de.bwaldvogel.mongo.backend.ArrayFilters.empty(), false, false,
				de.bwaldvogel.mongo.oplog.NoopOplog.get());

		assertThat(answered).as("the answer already given")
			.containsEntry("version", 1)
			.containsEntry("lease", "relay-1");
		Document stored = answers.find(Filters.eq("_id", "s")).first();
		assertThat(stored.getInteger("version")).isEqualTo(2);
		assertThat(stored).doesNotContainKey("lease");
	}

	@Test
	void theIdStaysUnique() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> aggregates.insertOne(new Document("_id", "a9").append("version", 1)))
			.hasMessageContaining("duplicate key");
	}

}
