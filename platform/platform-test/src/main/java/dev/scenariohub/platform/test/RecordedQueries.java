package dev.scenariohub.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Every query a test JVM's services send to MongoDB — the filter and sort of each find,
 * findAndModify, update, delete, count, distinct and aggregation — one per distinct shape
 * (fields and operators, not values), so that {@link IndexCoverage} can check each one is
 * served by an index; and how many commands went to each collection.
 */
public final class RecordedQueries implements CommandListener {

	/** One query as sent: where, what, and a sample of its values (for explain). */
	public record Query(String database, String collection, String command, BsonDocument filter, BsonDocument sort) {

		/** Fields and operators, without values. */
		public String shape() {
			return this.collection + " " + shapeOf(this.filter)
					+ (this.sort.isEmpty() ? "" : " sort " + this.sort.keySet());
		}

	}

	private static final RecordedQueries INSTANCE = new RecordedQueries();

	private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

	private final Map<String, Query> byShape = new ConcurrentHashMap<>();

	private final Map<String, Set<List<String>>> declaredIndexes = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

	private RecordedQueries() {
	}

	public static RecordedQueries instance() {
		return INSTANCE;
	}

	/**
	 * The keys of every index the services asked for on a collection (mongo-java-server
	 * accepts but does not keep secondary indexes, so they are taken from the request).
	 */
	public Set<List<String>> declaredIndexes(String database, String collection) {
		return this.declaredIndexes.getOrDefault(database + "." + collection, Set.of());
	}

	/**
	 * How many commands of one kind ({@code find}, {@code update}, {@code insert}, …)
	 * this JVM has sent to a collection, in any database: each is a round trip to the
	 * store.
	 */
	public long commands(String collection, String command) {
		LongAdder sent = this.commands.get(collection + " " + command);
		return sent == null ? 0 : sent.sum();
	}

	/** The queries recorded so far in this JVM, one per shape. */
	public List<Query> all() {
		return new ArrayList<>(this.byShape.values());
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (SYSTEM_DATABASES.contains(event.getDatabaseName())) {
			return;
		}
		BsonDocument command = event.getCommand();
		String name = event.getCommandName();
		if (command.get(name) instanceof BsonString target) {
			this.commands.computeIfAbsent(target.getValue() + " " + name, key -> new LongAdder()).increment();
		}
		switch (name) {
			case "find" ->
				record(event, name, command.getString("find").getValue(), doc(command, "filter"), doc(command, "sort"));
			case "findAndModify" -> record(event, name, command.getString("findAndModify").getValue(),
					doc(command, "query"), doc(command, "sort"));
			case "count" ->
				record(event, name, command.getString("count").getValue(), doc(command, "query"), new BsonDocument());
			case "distinct" -> record(event, name, command.getString("distinct").getValue(), doc(command, "query"),
					new BsonDocument());
			case "update" -> each(command, "updates", statement -> record(event, name,
					command.getString("update").getValue(), doc(statement, "q"), new BsonDocument()));
			case "delete" -> each(command, "deletes", statement -> record(event, name,
					command.getString("delete").getValue(), doc(statement, "q"), new BsonDocument()));
			case "createIndexes" -> each(command, "indexes",
					index -> this.declaredIndexes
						.computeIfAbsent(event.getDatabaseName() + "." + command.getString("createIndexes").getValue(),
								key -> ConcurrentHashMap.newKeySet())
						.add(List.copyOf(index.getDocument("key").keySet())));
			case "aggregate" -> {
				BsonArray pipeline = command.getArray("pipeline", new BsonArray());
				if (!pipeline.isEmpty() && pipeline.get(0).asDocument().containsKey("$match")) {
					record(event, name,
							command.get("aggregate").isString() ? command.getString("aggregate").getValue() : "",
							pipeline.get(0).asDocument().getDocument("$match"), new BsonDocument());
				}
			}
			default -> {
			}
		}
	}

	private void record(CommandStartedEvent event, String command, String collection, BsonDocument filter,
			BsonDocument sort) {
		// counting a whole collection (tests do) reads its size, not its documents
		boolean wholeCount = filter.isEmpty() && (command.equals("count") || command.equals("aggregate"));
		if (collection.isEmpty() || collection.startsWith("system.") || wholeCount) {
			return;
		}
		Query query = new Query(event.getDatabaseName(), collection, command, filter.clone(), sort.clone());
		this.byShape.putIfAbsent(query.shape(), query);
	}

	private static void each(BsonDocument command, String field, java.util.function.Consumer<BsonDocument> action) {
		for (BsonValue statement : command.getArray(field, new BsonArray())) {
			action.accept(statement.asDocument());
		}
	}

	private static BsonDocument doc(BsonDocument command, String field) {
		BsonValue value = command.get(field);
		return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
	}

	/**
	 * {@code {a: 1, b: {$gt: 2}}} → {@code {a:eq, b:$gt}}, recursively through $and/$or.
	 */
	static String shapeOf(BsonDocument filter) {
		StringBuilder shape = new StringBuilder("{");
		filter.forEach((field, value) -> {
			if (shape.length() > 1) {
				shape.append(", ");
			}
			shape.append(field).append(':');
			if (field.equals("$and") || field.equals("$or") || field.equals("$nor")) {
				List<String> branches = new ArrayList<>();
				value.asArray().forEach(branch -> branches.add(shapeOf(branch.asDocument())));
				shape.append(branches);
			}
			else if (value.isDocument() && !value.asDocument().isEmpty()
					&& value.asDocument().getFirstKey().startsWith("$")) {
				shape.append(value.asDocument().keySet());
			}
			else {
				shape.append(value.isNull() ? "null" : "eq");
			}
		});
		return shape.append('}').toString();
	}

}
