package dev.scenariohub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The reference for throughput: single-document inserts into the same store, as many
 * writers at once as the pipeline has publishers, of a document the size of an event.
 */
public final class StoreWrites {

	private StoreWrites() {
	}

	/** Documents written per second. */
	public static double rate(String mongoUri, int writers, int documents) throws Exception {
		String padding = "x".repeat(800);
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoCollection<Document> collection = client.getDatabase("bench").getCollection("raw-writes");
			collection.drop();
			collection.insertOne(new Document("warm", true));
			try {
				return documents / Clients.run(writers, documents,
						i -> collection.insertOne(new Document("n", i).append("data", padding)));
			}
			finally {
				collection.drop();
			}
		}
	}

}
