package dev.scenariohub.platform.test;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one Kafka broker and one MongoDB-protocol server of a test JVM, each started on
 * first use and shared by every test in it.
 *
 * <p>
 * The switch: where a Docker engine answers, real {@code apache/kafka} and {@code mongo}
 * images run in Testcontainers; elsewhere a real in-process Kafka broker (KRaft) and
 * mongo-java-server. {@code -Dscenariohub.test.infrastructure=embedded|containers} forces
 * one.
 */
public final class SharedInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

	public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	public static final String MONGO_IMAGE = "mongo:8.0";

	private static volatile SharedInfrastructure instance;

	/** Starts the broker and answers its {@code host:port}; called once, on first use. */
	private final Supplier<String> kafka;

	private volatile String kafkaBootstrapServers;

	private final String mongoBaseUri;

	private final String mode;

	private SharedInfrastructure(Supplier<String> kafka, String mongoBaseUri, String mode) {
		this.kafka = kafka;
		this.mongoBaseUri = mongoBaseUri;
		this.mode = mode;
	}

	public static SharedInfrastructure get() {
		SharedInfrastructure current = instance;
		if (current == null) {
			synchronized (SharedInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	/**
	 * {@code host:port} of the broker, started on first use (a JVM whose tests need only
	 * the store, such as the issuer's, never starts one).
	 */
	public String kafkaBootstrapServers() {
		String servers = this.kafkaBootstrapServers;
		if (servers == null) {
			synchronized (this) {
				servers = this.kafkaBootstrapServers;
				if (servers == null) {
					servers = this.kafka.get();
					this.kafkaBootstrapServers = servers;
				}
			}
		}
		return servers;
	}

	/** A connection string for the given database on the shared server ("" for none). */
	public String mongoUri(String database) {
		return database.isEmpty() ? this.mongoBaseUri : this.mongoBaseUri + "/" + database;
	}

	/** {@code containers} or {@code embedded}. */
	public String mode() {
		return this.mode;
	}

	private static SharedInfrastructure start() {
		String forced = System.getProperty("scenariohub.test.infrastructure", "auto");
		boolean containers = switch (forced) {
			case "containers" -> true;
			case "embedded" -> false;
			default -> dockerAvailable();
		};
		return containers ? startContainers() : startEmbedded();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static SharedInfrastructure startContainers() {
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		mongo.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "stop-test-mongodb"));
		String replicaSetUrl = mongo.getConnectionString();
		log.info("Test infrastructure: Testcontainers MongoDB {}", replicaSetUrl);
		return new SharedInfrastructure(() -> {
			KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
			kafka.start();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-test-kafka"));
			log.info("Test infrastructure: Testcontainers Kafka {}", kafka.getBootstrapServers());
			return kafka.getBootstrapServers();
		}, replicaSetUrl, "containers");
	}

	private static SharedInfrastructure startEmbedded() {
		MongoServer mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
		mongo.bind(address);
		InetSocketAddress bound = mongo.getLocalAddress();
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "stop-embedded-mongodb"));
		String mongoUri = "mongodb://127.0.0.1:" + bound.getPort();
		log.info("Test infrastructure: mongo-java-server {}", mongoUri);
		return new SharedInfrastructure(() -> {
			EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "stop-embedded-kafka"));
			log.info("Test infrastructure: embedded Kafka broker {}", kafka.getBrokersAsString());
			return kafka.getBrokersAsString();
		}, mongoUri, "embedded");
	}

}
