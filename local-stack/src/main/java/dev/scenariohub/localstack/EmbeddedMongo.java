package dev.scenariohub.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

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

	/** The H2 MVStore backend, committing after each command instead of once a second. */
	static final class DurableH2Backend extends H2Backend {

		DurableH2Backend(String fileName) {
			super(fileName);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new KeyedLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			try {
				return super.handleCommand(channel, databaseName, command, query);
			}
			finally {
				commit();
			}
		}

	}

	/**
	 * A database whose unique indexes also serve queries that name their keys among
	 * others.
	 */
	static final class KeyedLookupDatabase extends H2Database {

		KeyedLookupDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new KeyedLookupIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
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
