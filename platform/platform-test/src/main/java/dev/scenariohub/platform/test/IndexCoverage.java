package dev.scenariohub.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoCommandException;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whether each query in {@link RecordedQueries} is served by an index of its collection.
 *
 * <p>
 * The indexes of a collection are those it has and those the services asked for
 * (mongo-java-server keeps only unique ones). On any store: a query is served when an
 * index's leading field is constrained by the filter (equality, {@code $in} or a range —
 * not {@code $ne}, {@code $nin}, {@code $not}, {@code $exists: false} or a regex), when
 * every branch of an {@code $or} is, or when a query that constrains no field that way is
 * sorted by an index's leading field (a paged scan in index order). On a real MongoDB
 * (Testcontainers) each query is also explained, and a winning plan with a
 * {@code COLLSCAN} stage fails.
 */
public final class IndexCoverage {

	private static final Set<String> USABLE = Set.of("$eq", "$in", "$gt", "$gte", "$lt", "$lte", "$all", "$elemMatch",
			"$size");

	private final MongoClient client;

	private final boolean explain;

	private final Map<String, List<List<String>>> indexes = new ConcurrentHashMap<>();

	public IndexCoverage(MongoClient client, boolean explain) {
		this.client = client;
		this.explain = explain;
	}

	/**
	 * Fails unless every query recorded in this JVM so far is served by an index
	 * (explained too where the store is a real MongoDB).
	 */
	public static void assertEveryRecordedQueryServed(MongoClient client) {
		List<RecordedQueries.Query> queries = RecordedQueries.instance().all();
		if (queries.isEmpty()) {
			throw new AssertionError("no queries were recorded: run this check after the service's other tests");
		}
		List<String> unserved = new IndexCoverage(client, "containers".equals(SharedInfrastructure.get().mode()))
			.unserved(queries);
		if (!unserved.isEmpty()) {
			throw new AssertionError(unserved.size() + " of " + queries.size()
					+ " query shapes are not served by an index:\n  " + String.join("\n  ", unserved));
		}
	}

	/**
	 * The shapes (with the reason) of every recorded query of these databases no index
	 * serves.
	 */
	public List<String> unserved(List<RecordedQueries.Query> queries) {
		List<String> unserved = new ArrayList<>();
		for (RecordedQueries.Query query : queries) {
			List<List<String>> keys = indexesOf(query.database(), query.collection());
			if (!served(query.filter(), query.sort(), keys)) {
				unserved.add(query.shape() + " — indexes " + keys);
			}
			else if (this.explain && collectionScan(query)) {
				unserved.add(query.shape() + " — explain() chose a collection scan");
			}
		}
		return unserved;
	}

	static boolean served(BsonDocument filter, BsonDocument sort, List<List<String>> indexes) {
		Set<String> leading = new HashSet<>();
		indexes.forEach(keys -> leading.add(keys.get(0)));
		leading.add("_id");
		if (served(filter, leading)) {
			return true;
		}
		// nothing an index could look up (no filter, or only $ne and regex): a scan in
		// the
		// order of an index, stopping at the page's limit
		return !sort.isEmpty() && leading.contains(sort.getFirstKey()) && !constrains(filter);
	}

	private static boolean served(BsonDocument filter, Set<String> leading) {
		for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
			String field = entry.getKey();
			BsonValue value = entry.getValue();
			if (field.equals("$and")) {
				for (BsonValue branch : value.asArray()) {
					if (served(branch.asDocument(), leading)) {
						return true;
					}
				}
			}
			else if (field.equals("$or")) {
				boolean every = !value.asArray().isEmpty();
				for (BsonValue branch : value.asArray()) {
					every &= served(branch.asDocument(), leading);
				}
				if (every) {
					return true;
				}
			}
			else if (!field.startsWith("$") && leading.contains(field) && usable(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean constrains(BsonDocument filter) {
		for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
			if (entry.getKey().startsWith("$")
					? entry.getValue().asArray().stream().anyMatch(branch -> constrains(branch.asDocument()))
					: usable(entry.getValue())) {
				return true;
			}
		}
		return false;
	}

	private static boolean usable(BsonValue value) {
		if (value.isRegularExpression()) {
			return false;
		}
		if (!value.isDocument() || value.asDocument().isEmpty() || !value.asDocument().getFirstKey().startsWith("$")) {
			return true;
		}
		BsonDocument operators = value.asDocument();
		if (operators.containsKey("$exists")) {
			return operators.get("$exists").asBoolean().getValue();
		}
		return operators.keySet().stream().anyMatch(USABLE::contains);
	}

	private List<List<String>> indexesOf(String database, String collection) {
		return this.indexes.computeIfAbsent(database + "." + collection, key -> {
			Flux<List<String>> existing = Flux
				.from(this.client.getDatabase(database).getCollection(collection).listIndexes())
				.map(index -> List.copyOf(((Document) index.get("key")).keySet()));
			// a collection never written to has no indexes to list
			return existing.onErrorResume(MongoCommandException.class, missing -> Flux.empty())
				.concatWith(Flux.fromIterable(RecordedQueries.instance().declaredIndexes(database, collection)))
				.distinct()
				.collectList()
				.block(Duration.ofSeconds(10));
		});
	}

	private boolean collectionScan(RecordedQueries.Query query) {
		BsonDocument find = new BsonDocument("find", new BsonString(query.collection())).append("filter",
				query.filter());
		if (!query.sort().isEmpty()) {
			find.append("sort", query.sort());
		}
		Document plan = Mono
			.from(this.client.getDatabase(query.database())
				.runCommand(new BsonDocument("explain", find).append("verbosity", new BsonString("queryPlanner"))))
			.block(Duration.ofSeconds(10));
		Object planner = plan == null ? null : plan.get("queryPlanner");
		return planner instanceof Document p && String.valueOf(p.get("winningPlan")).contains("COLLSCAN");
	}

}
