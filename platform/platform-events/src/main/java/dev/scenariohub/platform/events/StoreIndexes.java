package dev.scenariohub.platform.events;

import java.time.Duration;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/**
 * Creates a collection's indexes at start-up (creating an index that exists is a no-op),
 * so that every query a service runs is served by one.
 */
public final class StoreIndexes {

	private StoreIndexes() {
	}

	/** An ascending index on these fields, named for what it serves. */
	public static Index on(String name, String... fields) {
		Index index = new Index().named(name);
		for (String field : fields) {
			index.on(field, Sort.Direction.ASC);
		}
		return index;
	}

	/** Creates the indexes, waiting at most 30 seconds. */
	public static void ensure(ReactiveMongoTemplate mongo, String collection, Index... indexes) {
		Flux.fromArray(indexes)
			.concatMap(index -> mongo.indexOps(collection).createIndex(index))
			.then()
			.block(Duration.ofSeconds(30));
	}

}
