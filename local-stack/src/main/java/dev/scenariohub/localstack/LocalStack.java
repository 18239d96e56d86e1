package dev.scenariohub.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole system on one machine with nothing but Java: a real Kafka broker, a
 * MongoDB-protocol store that keeps its data in a file (unless {@code MONGODB_URI} names
 * a real MongoDB), an SMTP sink, the OpenID Connect issuer, the three services and the
 * gateway, each in its own process and kept running by a {@link Supervisor}.
 * {@link #close()} stops everything it started.
 */
public final class LocalStack implements AutoCloseable {

	static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

	static final List<String> DEMO_CLIENTS = List.of("demo-officer", "demo-reviewer-1", "demo-reviewer-2",
			"demo-reviewer-3", "demo-enterprise-1", "demo-enterprise-2", "demo-admin");

	/**
	 * The services' JVM options unless {@code SCENARIOHUB_JAVA_OPTS} says otherwise: a
	 * quick start on a laptop (C1 only). Metaspace is let grow to what a service loads
	 * (35-115 MB) without a full collection each time it passes the default 21 MB mark
	 * (0.7-1.2 s pauses, seen under load a minute after start).
	 */
	static final String SERVICE_JAVA_OPTS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
			+ " -XX:MetaspaceSize=160m";

	/**
	 * The embedded store's JVM options unless {@code SCENARIOHUB_STORE_JAVA_OPTS} says
	 * otherwise. Almost all it allocates lives for one command, so half of its heap is
	 * for new objects: in a 64 MB heap it collected 5 times a second and its whole heap
	 * every 5 s (50-120 ms, every service waiting), bench/README.md. Its cache of pages
	 * (64 MB of documents as H2 counts them) lives in the old half: starting at 256 MB,
	 * the heap kept that half full and collected it whole 11 times in a matching run, 2
	 * times starting at 512 MB.
	 */
	static final String STORE_JAVA_OPTS = "-Xms512m -Xmx1g -XX:+UseSerialGC -XX:NewRatio=1";

	private final StackConfig config;

	private final PrintStream out;

	private final long startedAt = System.nanoTime();

	private final Supervisor supervisor;

	/** On where {@code SCENARIOHUB_CDS} is true, as {@code ./run.sh} sets it. */
	private final ClassDataSharing classDataSharing = new ClassDataSharing(
			Boolean.parseBoolean(System.getenv().getOrDefault("SCENARIOHUB_CDS", "false")));

	/**
	 * What each service was started with beyond the common settings, for replicas of it.
	 */
	private final Map<String, Map<String, String>> serviceEnvs = new ConcurrentHashMap<>();

	private final List<ChildProcess> replicas = new CopyOnWriteArrayList<>();

	private GreenMail smtp;

	private LocalStack(StackConfig config, PrintStream out, Runnable giveUp) {
		this.config = config;
		this.out = out;
		this.supervisor = new Supervisor(this::progress, giveUp);
	}

	/**
	 * Starts everything and returns once the gateway is ready; on failure stops what it
	 * started.
	 */
	public static LocalStack start(StackConfig config, PrintStream out) {
		return start(config, out, () -> {
		});
	}

	/**
	 * Starts everything, then keeps it running: a child that dies is reported and
	 * restarted; one that keeps dying makes the stack call {@code giveUp}.
	 */
	public static LocalStack start(StackConfig config, PrintStream out, Runnable giveUp) {
		LocalStack stack = new LocalStack(config, out, giveUp);
		try {
			stack.startAll();
			stack.supervisor.start();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	public StackConfig config() {
		return this.config;
	}

	/**
	 * The current process id of a part of the stack: {@code kafka}, {@code mongodb},
	 * {@code identity-service}, a service's name, or {@code gateway}.
	 */
	public OptionalLong pid(String name) {
		return this.supervisor.pid(name);
	}

	/** Messages the SMTP sink has received. */
	public GreenMail smtp() {
		return this.smtp;
	}

	private void startAll() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("gateway", this.config.gatewayPort());
		ports.put("identity-service", this.config.issuerPort());
		ports.put("Kafka", this.config.kafkaPort());
		ports.put("Kafka controller", this.config.kafkaControllerPort());
		if (this.config.mongoUri() == null) {
			ports.put("MongoDB", this.config.mongoPort());
		}
		ports.put("SMTP", this.config.smtpPort());
		ports.put("scenario-service", this.config.scenarioPort());
		ports.put("enterprise-service", this.config.enterprisePort());
		ports.put("notification-service", this.config.notificationPort());
		ports.put("console", this.config.consolePort());
		Ports.requireFree(ports);
		Map<String, Path> jars = serviceJars();

		startMongo();
		startSmtp();
		ChildProcess kafka = started(KafkaBroker.start(this.config, ownClasspath()), this::awaitKafka);
		ChildProcess identity = started(
				ChildProcess.start("identity-service",
						javaCommand("identity-service", jars.get("identity-service"), true), identityEnv(), logDir()),
				p -> awaitReady(p, this.config.issuerPort(), "issuer at " + this.config.issuerUrl()));
		CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> awaitKafka(kafka));
		CompletableFuture<Void> identityReady = CompletableFuture
			.runAsync(() -> awaitReady(identity, this.config.issuerPort(), "issuer at " + this.config.issuerUrl()));
		join(CompletableFuture.allOf(kafkaReady, identityReady));

		List<CompletableFuture<Void>> services = new ArrayList<>();
		services.add(startService("scenario-service", jars, this.config.scenarioPort(), Map.of()));
		services.add(startService("enterprise-service", jars, this.config.enterprisePort(), Map.of()));
		services.add(startService("notification-service", jars, this.config.notificationPort(),
				Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(this.config.smtpPort()),
						"NOTIFICATIONS_OFFICERS", "demo-officer", "NOTIFICATIONS_WEBHOOKS_ALLOWLOOPBACK", "true",
						"NOTIFICATIONS_WEBHOOKS_SECRETKEY", webhookSecretKey(), "PUBLIC_BASE_URL",
						this.config.gatewayUrl())));
		services.add(startService("console", jars, this.config.consolePort(),
				Map.of("GATEWAY_URL", "http://127.0.0.1:" + this.config.gatewayPort())));
		// the gateway starts alongside them: it calls a service only when a request comes
		services.add(startGateway(jars));
		join(CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)));
	}

	private CompletableFuture<Void> startGateway(Map<String, Path> jars) {
		Map<String, String> gatewayEnv = new HashMap<>(commonEnv(this.config.gatewayPort()));
		gatewayEnv.put("SCENARIO_SERVICE_URL", "http://127.0.0.1:" + this.config.scenarioPort());
		gatewayEnv.put("ENTERPRISE_SERVICE_URL", "http://127.0.0.1:" + this.config.enterprisePort());
		gatewayEnv.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + this.config.notificationPort());
		gatewayEnv.put("CONSOLE_URL", "http://127.0.0.1:" + this.config.consolePort());
		ChildProcess gateway = started(
				ChildProcess.start("gateway", javaCommand("gateway", jars.get("gateway"), true), gatewayEnv, logDir()),
				p -> awaitReady(p, this.config.gatewayPort(), "gateway at " + this.config.gatewayUrl()));
		return CompletableFuture
			.runAsync(() -> awaitReady(gateway, this.config.gatewayPort(), "gateway at " + this.config.gatewayUrl()));
	}

	private CompletableFuture<Void> startService(String name, Map<String, Path> jars, int port,
			Map<String, String> extraEnv) {
		Map<String, String> own = new HashMap<>(extraEnv);
		if (this.config.kafkaAuth() && KafkaSecurity.SERVICES.containsKey(name)) {
			own.putAll(KafkaSecurity.serviceEnv(name));
		}
		Map<String, String> env = new HashMap<>(commonEnv(port));
		env.putAll(own);
		this.serviceEnvs.put(name, Map.copyOf(own));
		ChildProcess process = started(ChildProcess.start(name, javaCommand(name, jars.get(name), true), env, logDir()),
				p -> awaitReady(p, port, name + " on port " + port));
		return CompletableFuture.runAsync(() -> awaitReady(process, port, name + " on port " + port));
	}

	private void startMongo() {
		if (this.config.mongoUri() != null) {
			progress("using MongoDB at " + redact(this.config.mongoUri()));
			return;
		}
		Path file = this.config.dataDir().resolve("mongo.mv");
		List<String> command = new ArrayList<>();
		command.add(ChildProcess.java());
		command.addAll(jvmOptions("SCENARIOHUB_STORE_JAVA_OPTS", STORE_JAVA_OPTS));
		command.addAll(List.of("-cp", ownClasspath(), EmbeddedMongo.class.getName(),
				String.valueOf(this.config.mongoPort()), file.toString()));
		ChildProcess mongo = started(ChildProcess.start("mongodb", command, Map.of(), logDir()), this::awaitMongo);
		awaitMongo(mongo);
		progress("MongoDB-protocol store at " + this.config.effectiveMongoUri() + " (data in " + file + ")");
	}

	private void awaitMongo(ChildProcess mongo) {
		mongo.awaitCondition(() -> Ports.isListening(this.config.mongoPort()), READY_TIMEOUT);
	}

	private void startSmtp() {
		this.smtp = new GreenMail(new ServerSetup(this.config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		progress("SMTP sink at 127.0.0.1:" + this.config.smtpPort());
	}

	private void awaitKafka(ChildProcess kafka) {
		kafka.awaitCondition(() -> Ports.isListening(this.config.kafkaPort()), READY_TIMEOUT);
		Map<String, Object> adminConfig = new HashMap<>(this.config.kafkaClientProperties());
		adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.config.kafkaBootstrap());
		adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		try (Admin admin = Admin.create(adminConfig)) {
			kafka.awaitCondition(() -> {
				try {
					return !admin.describeCluster().nodes().get().isEmpty();
				}
				catch (Exception notYet) {
					return false;
				}
			}, READY_TIMEOUT);
			if (this.config.kafkaAuth()) {
				KafkaSecurity.provision(admin, KafkaBroker.PARTITIONS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while preparing Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StackException("Could not create Kafka's topics and ACLs: " + ex.getMessage(), ex);
		}
		progress("Kafka broker at " + this.config.kafkaBootstrap() + (this.config.kafkaAuth() ? " (SCRAM-SHA-512; user "
				+ KafkaSecurity.ADMIN + ", password " + KafkaSecurity.password(KafkaSecurity.ADMIN) + ")" : ""));
	}

	private void awaitReady(ChildProcess process, int port, String what) {
		process.awaitHttpOk("http://127.0.0.1:" + port + "/actuator/health/readiness", READY_TIMEOUT);
		progress(what + " is ready");
	}

	private Map<String, String> commonEnv(int port) {
		Map<String, String> env = new HashMap<>(this.config.serviceEnv());
		env.put("PORT", String.valueOf(port));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("MONGODB_URI", this.config.effectiveMongoUri());
		env.put("KAFKA_BOOTSTRAP_SERVERS", this.config.kafkaBootstrap());
		env.put("ISSUER_URI", this.config.issuerUrl());
		env.put("JWKS_URI", "http://127.0.0.1:" + this.config.issuerPort() + "/oauth2/jwks");
		return env;
	}

	private Map<String, String> identityEnv() {
		Map<String, String> env = new HashMap<>(commonEnv(this.config.issuerPort()));
		env.put("SPRING_PROFILES_ACTIVE", "demo");
		// the console is signed into through the gateway, at the address the browser uses
		env.put("CONSOLE_REDIRECT_URI", this.config.gatewayUrl() + "/login/oauth2/code/scenariohub");
		env.put("CONSOLE_POST_LOGOUT_REDIRECT_URI", this.config.gatewayUrl() + "/scenarios");
		return env;
	}

	private List<String> javaCommand(String name, Path jar, boolean firstInstance) {
		List<String> command = new ArrayList<>();
		command.add(ChildProcess.java());
		command.addAll(jvmOptions("SCENARIOHUB_JAVA_OPTS", SERVICE_JAVA_OPTS));
		command.addAll(this.classDataSharing.launch(name, jar, firstInstance));
		return command;
	}

	/** The options in the environment variable {@code name}, or else {@code defaults}. */
	private static List<String> jvmOptions(String name, String defaults) {
		String opts = System.getenv().getOrDefault(name, defaults);
		return Arrays.stream(opts.trim().split("\\s+")).filter(opt -> !opt.isEmpty()).toList();
	}

	private Map<String, Path> serviceJars() {
		Map<String, Path> jars = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String name : List.of("identity-service", "scenario-service", "enterprise-service", "notification-service",
				"console", "gateway")) {
			Path jar = this.config.home().resolve(name).resolve("target").resolve(name + ".jar");
			if (!Files.isRegularFile(jar)) {
				missing.add(jar.toString());
			}
			jars.put(name, jar);
		}
		if (!missing.isEmpty()) {
			throw new StackException("Not built yet: " + String.join(", ", missing)
					+ "\nBuild first: ./mvnw -B -DskipTests package (./run.sh does this for you)");
		}
		return jars;
	}

	/**
	 * The class path of the broker and the store: the launcher jar and its lib/ folder as
	 * packaged under {@code local-stack/target}, or else this JVM's class path.
	 */
	private String ownClasspath() {
		Path target = this.config.home().resolve("local-stack").resolve("target");
		Path jar = target.resolve("local-stack.jar");
		Path lib = target.resolve("lib");
		if (Files.isRegularFile(jar) && Files.isDirectory(lib)) {
			return jar + File.pathSeparator + lib.resolve("*");
		}
		return System.getProperty("java.class.path");
	}

	private ChildProcess started(ChildProcess process, Consumer<ChildProcess> awaitReady) {
		return this.supervisor.watch(process, awaitReady);
	}

	/**
	 * The key that seals webhook secrets in this data directory: made once, kept beside
	 * the data it protects, so that webhooks keep working across restarts.
	 */
	private String webhookSecretKey() {
		Path file = this.config.dataDir().resolve("webhook-secret-key");
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.writeString(file, Base64.getEncoder().encodeToString(key));
			}
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new StackException("cannot keep the webhook secret key in " + file + ": " + ex.getMessage());
		}
	}

	private Path logDir() {
		return this.config.dataDir().resolve("logs");
	}

	private synchronized void progress(String message) {
		double seconds = (System.nanoTime() - this.startedAt) / 1e9;
		this.out.printf("[%5.1fs] %s%n", seconds, message);
		this.out.flush();
	}

	private static void join(CompletableFuture<Void> all) {
		try {
			all.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private static String redact(String uri) {
		return uri.replaceAll("//[^@/]+@", "//***@");
	}

	/**
	 * Starts one more instance of a service on a free port, on the same broker and store
	 * (the gateway keeps routing to the first), to see the system run as several
	 * replicas. Replicas are not restarted when they die.
	 * @return the replica's port, once it is ready
	 */
	public int startReplica(String service) {
		Map<String, String> extra = this.serviceEnvs.get(service);
		if (extra == null) {
			throw new StackException(
					"no service " + service + " to replicate; these run: " + this.serviceEnvs.keySet());
		}
		int port = Ports.free();
		Map<String, String> env = new HashMap<>(commonEnv(port));
		env.putAll(extra);
		String name = service + "-replica-" + (this.replicas.size() + 2);
		ChildProcess replica = ChildProcess.start(name, javaCommand(service, serviceJars().get(service), false), env,
				logDir());
		this.replicas.add(replica);
		awaitReady(replica, port, name + " on port " + port);
		return port;
	}

	/** Stops the replicas started with {@link #startReplica(String)}. */
	public void stopReplicas() {
		for (ChildProcess replica : this.replicas) {
			replica.stop(Duration.ofSeconds(20));
		}
		this.replicas.clear();
	}

	/**
	 * Stops watching, then every process it started, newest first, then the SMTP sink.
	 */
	@Override
	public void close() {
		stopReplicas();
		this.supervisor.close();
		List<ChildProcess> running = this.supervisor.processes();
		Collections.reverse(running);
		for (ChildProcess process : running) {
			process.stop(Duration.ofSeconds(20));
		}
		if (this.smtp != null) {
			this.smtp.stop();
			this.smtp = null;
		}
	}

}
