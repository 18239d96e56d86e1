package dev.scenariohub.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where everything of the local stack listens and lives. Every value can come from the
 * environment ({@code GATEWAY_PORT}, {@code ISSUER_PORT}, {@code KAFKA_PORT},
 * {@code KAFKA_CONTROLLER_PORT}, {@code MONGODB_PORT}, {@code SMTP_PORT},
 * {@code SCENARIO_SERVICE_PORT}, {@code ENTERPRISE_SERVICE_PORT},
 * {@code NOTIFICATION_SERVICE_PORT}, {@code CONSOLE_PORT}, {@code MONGODB_URI},
 * {@code SCENARIOHUB_DATA_DIR}, {@code KAFKA_AUTH}).
 *
 * @param home the repository root (the services' jars are under
 * {@code <service>/target/})
 * @param dataDir Kafka logs, the MongoDB store file and process logs
 * @param mongoUri a real MongoDB to use instead of the embedded store, or null
 * @param kafkaAuth whether Kafka authenticates every client (SCRAM-SHA-512, a user per
 * service, ACLs, no topics created by use), as in production ({@code KAFKA_AUTH=scram});
 * otherwise it lets anyone on 127.0.0.1 do anything
 * @param serviceEnv extra environment for every service process
 */
public record StackConfig(Path home, Path dataDir, int gatewayPort, int issuerPort, int kafkaPort,
		int kafkaControllerPort, int mongoPort, int smtpPort, int scenarioPort, int enterprisePort,
		int notificationPort, int consolePort, String mongoUri, boolean demo, boolean kafkaAuth,
		Map<String, String> serviceEnv) {

	public static StackConfig fromEnvironment(Path home, boolean demo) {
		Map<String, String> env = System.getenv();
		Path data = Path.of(env.getOrDefault("SCENARIOHUB_DATA_DIR", home.resolve(".data").toString()));
		return new StackConfig(home, data, port(env, "GATEWAY_PORT", 8080), port(env, "ISSUER_PORT", 9000),
				port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
				port(env, "MONGODB_PORT", 27017), port(env, "SMTP_PORT", 2525),
				port(env, "SCENARIO_SERVICE_PORT", 8081), port(env, "ENTERPRISE_SERVICE_PORT", 8082),
				port(env, "NOTIFICATION_SERVICE_PORT", 8083), port(env, "CONSOLE_PORT", 8084), env.get("MONGODB_URI"),
				demo, kafkaAuth(env.get("KAFKA_AUTH")), Map.of());
	}

	private static boolean kafkaAuth(String value) {
		if (value == null || value.isBlank() || "none".equalsIgnoreCase(value.trim())) {
			return false;
		}
		if ("scram".equalsIgnoreCase(value.trim())) {
			return true;
		}
		throw new StackException("KAFKA_AUTH=" + value + " is neither scram nor none");
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new StackException(name + "=" + value + " is not a port number (1-65535)");
		}
	}

	public String gatewayUrl() {
		return "http://localhost:" + this.gatewayPort;
	}

	public String issuerUrl() {
		return "http://localhost:" + this.issuerPort;
	}

	public String kafkaBootstrap() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	/**
	 * What a Kafka client outside the stack (a test, a benchmark) needs besides the
	 * bootstrap servers: with {@link #kafkaAuth()}, the credentials of a user that may do
	 * anything; else nothing.
	 */
	public Map<String, Object> kafkaClientProperties() {
		return this.kafkaAuth ? KafkaSecurity.clientProperties(KafkaSecurity.ADMIN) : Map.of();
	}

	public String effectiveMongoUri() {
		return this.mongoUri != null ? this.mongoUri : "mongodb://127.0.0.1:" + this.mongoPort;
	}
}
