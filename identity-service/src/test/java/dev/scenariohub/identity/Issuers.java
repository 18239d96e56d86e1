package dev.scenariohub.identity;

import java.util.ArrayList;
import java.util.List;

import dev.scenariohub.platform.test.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Issuer replicas of one test, started as the manifests run them: one store, one key. */
final class Issuers {

	private Issuers() {
	}

	/**
	 * Starts a replica on 127.0.0.1 and a free port.
	 * @param database the store's database the replicas share
	 * @param signingKey the key they share
	 * @param more further arguments, such as {@code --identity.throttle.store=redis}
	 * @return the running replica
	 */
	static ConfigurableApplicationContext start(String database, String signingKey, String... more) {
		// arguments, not default properties: they must win over application.yml
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.mongodb.uri=" + SharedInfrastructure.get().mongoUri(""),
				"--spring.mongodb.database=" + database, "--identity.signing-key=" + signingKey));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(IdentityServiceApplication.class).profiles("demo")
			.run(arguments.toArray(String[]::new));
	}

	/** Where a replica answers. */
	static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

}
