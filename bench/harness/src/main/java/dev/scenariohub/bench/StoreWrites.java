package dev.scenariohub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			try {
				long start = System.nanoTime();
				List<Future<?>> running = new ArrayList<>();
				for (int w = 0; w < writers; w++) {
					running.add(pool.submit(() -> {
						for (int i = next.getAndIncrement(); i < documents; i = next.getAndIncrement()) {
							collection.insertOne(new Document("n", i).append("data", padding));
						}
					}));
				}
				for (Future<?> writer : running) {
					writer.get();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				return documents / seconds;
			}
			finally {
				pool.shutdownNow();
				collection.drop();
			}
		}
	}

}
