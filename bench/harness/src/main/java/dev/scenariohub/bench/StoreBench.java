package dev.scenariohub.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import dev.scenariohub.localstack.EmbeddedMongo;
import dev.scenariohub.localstack.IndexOrder;
import org.bson.Document;

/**
 * The embedded store alone, in this process: single-document updates and lookups by a
 * unique key in a collection of documents the size of an enterprise, with the unique
 * indexes' keys in each {@link IndexOrder} and each size of the store's cache of pages
 * read from its file. Each command that writes is committed before it is answered.
 */
public final class StoreBench {

	/** One measurement in one order, with one size of the store's page cache. */
	public record Result(IndexOrder order, int cacheMegabytes, double updatesPerSecond, double updateKilobytes,
			double lookupsPerSecond, double lookupKilobytes) {

		String report() {
			return String.format(Locale.ROOT,
					"index keys in %-10s order, cache %4d MB: updates %7.0f/s, %6.1f kB allocated each; lookups by unique key %7.0f/s, %6.1f kB each%n",
					this.order, this.cacheMegabytes, this.updatesPerSecond, this.updateKilobytes, this.lookupsPerSecond,
					this.lookupKilobytes);
		}

	}

	private final int documents;

	private final int operations;

	private final int clients;

	public StoreBench(Map<String, String> options) {
		this.documents = Integer.parseInt(options.getOrDefault("documents", "20000"));
		this.operations = Integer.parseInt(options.getOrDefault("operations", "20000"));
		this.clients = Integer.parseInt(options.getOrDefault("clients", "8"));
	}

	public Result run(IndexOrder order, int cacheMegabytes) throws Exception {
		Path dir = Files.createTempDirectory("store-bench");
		try (EmbeddedMongo.Running store = EmbeddedMongo.start(dir.resolve("store.mv"), order, cacheMegabytes);
				MongoClient client = MongoClients.create(store.uri())) {
			MongoCollection<Document> enterprises = client.getDatabase("bench").getCollection("enterprises");
			enterprises.createIndex(new Document("creditCode", 1), new IndexOptions().unique(true));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < this.documents; i++) {
				batch.add(enterprise(i));
				if (batch.size() == 500) {
					enterprises.insertMany(batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				enterprises.insertMany(batch);
			}
			// warm-up, not measured
			measure(this.operations / 4, n -> update(enterprises));
			Rate updates = measure(this.operations, n -> update(enterprises));
			Rate lookups = measure(this.operations, n -> lookup(enterprises));
			return new Result(order, cacheMegabytes, updates.perSecond(), updates.kilobytesEach(), lookups.perSecond(),
					lookups.kilobytesEach());
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private void update(MongoCollection<Document> enterprises) {
		String id = "e" + ThreadLocalRandom.current().nextInt(this.documents);
		enterprises.updateOne(Filters.eq("_id", id),
				Updates.combine(Updates.set("note", "n" + System.nanoTime()), Updates.inc("version", 1)));
	}

	private void lookup(MongoCollection<Document> enterprises) {
		int n = ThreadLocalRandom.current().nextInt(this.documents);
		if (enterprises.find(Filters.eq("creditCode", code(n))).first() == null) {
			throw new IllegalStateException("enterprise " + n + " not found by its unique key");
		}
	}

	/** How fast operations went, and what each allocated. */
	private record Rate(double perSecond, double kilobytesEach) {
	}

	/**
	 * Kilobytes allocated per operation are counted over every thread of this process.
	 */
	private Rate measure(int count, IntConsumer operation) throws Exception {
		long allocatedBefore = allocated();
		double seconds = Clients.run(this.clients, count, operation);
		return new Rate(count / seconds, (allocated() - allocatedBefore) / 1024.0 / count);
	}

	/** Bytes allocated so far by the threads alive now. */
	private static long allocated() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

	private static Document enterprise(int n) {
		return new Document("_id", "e" + n).append("version", 1)
			.append("creditCode", code(n))
			.append("name", "Enterprise " + n + " Intelligent Technology Co., Ltd.")
			.append("category", "SPECIALISED_SME")
			.append("district", "Haizhu")
			.append("capabilities", List.of("computer-vision", "edge-ai", "drone-logistics", "nlp"))
			.append("coreTechnologies", List.of("multimodal models", "path planning", "federated learning"))
			.append("contact", new Document("name", "Contact " + n).append("email", "contact" + n + "@example.com"))
			.append("status", "VERIFIED")
			.append("description", "x".repeat(600));
	}

	private static String code(int n) {
		return String.format(Locale.ROOT, "91440101%010d", n);
	}

}
