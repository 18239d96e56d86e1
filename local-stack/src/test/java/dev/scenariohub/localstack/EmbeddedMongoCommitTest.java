package dev.scenariohub.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that writes is committed to the file before it is answered; one that only
 * reads does not wait for the file. A commit waits for the store's lock while other
 * commits and the background writer's compaction hold it (JFR saw the store's workers
 * parked there up to 640 ms); in the matching benchmark, four reads at once took 0.7-0.9
 * s while no process of the stack paused that long.
 */
class EmbeddedMongoCommitTest {

	@TempDir
	Path dir;

	/** A store whose commits wait while {@link #fileBusy} is closed. */
	static final class BusyFileBackend extends EmbeddedMongo.DurableH2Backend {

		final CountDownLatch fileBusy = new CountDownLatch(1);

		volatile boolean busy;

		BusyFileBackend(String fileName) {
			super(fileName);
		}

		@Override
		public void commit() {
			if (this.busy) {
				try {
					this.fileBusy.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			super.commit();
		}

	}

	@Test
	void readsAreAnsweredWhileTheFileIsBusyAndWritesWaitForIt() throws Exception {
		BusyFileBackend backend = new BusyFileBackend(this.dir.resolve("store.mv").toString());
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + address.getPort() + "/?timeoutMS=5000&maxPoolSize=4")) {
			MongoCollection<Document> scenarios = client.getDatabase("service").getCollection("scenarios");
			scenarios.insertOne(new Document("_id", "s1").append("status", "OPEN"));

			backend.busy = true;
			CompletableFuture<Void> write = CompletableFuture
				.runAsync(() -> scenarios.insertOne(new Document("_id", "s2").append("status", "DRAFT")));

			assertThat(scenarios.find(Filters.eq("_id", "s1")).first()).isNotNull();
			assertThat(scenarios.countDocuments(Filters.eq("status", "OPEN"))).isOne();
			assertThat(scenarios.aggregate(List.of(Aggregates.match(Filters.eq("status", "OPEN"))))
				.into(new java.util.ArrayList<>())).hasSize(1);
			assertThat(write).as("a write is answered once it is in the file").isNotDone();

			backend.fileBusy.countDown();
			write.get(10, TimeUnit.SECONDS);
			assertThat(scenarios.countDocuments()).isEqualTo(2);
		}
		finally {
			server.shutdownNow();
			backend.close();
		}
	}

}
