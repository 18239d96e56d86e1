package dev.scenariohub.bench;

import java.util.Map;

/**
 * Where the stack under measurement answers: the gateway and the issuer as clients call
 * them, the broker (with any further client settings it needs, such as credentials) and
 * the store for the references and for what the read models hold.
 */
public record Target(String gatewayUrl, String issuerUrl, String kafkaBootstrap, Map<String, Object> kafkaClient,
		String mongoUri) {

	/**
	 * A stack started by {@code ./run.sh} on its default ports, unless options say else.
	 */
	public static Target of(Map<String, String> options) {
		return new Target(options.getOrDefault("gateway", "http://127.0.0.1:8080"),
				options.getOrDefault("issuer", "http://127.0.0.1:9000"),
				options.getOrDefault("kafka", "127.0.0.1:9092"), Map.of(),
				options.getOrDefault("mongo", "mongodb://127.0.0.1:27017"));
	}

}
