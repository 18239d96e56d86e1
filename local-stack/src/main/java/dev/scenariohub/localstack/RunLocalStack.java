package dev.scenariohub.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh [--demo]}: starts the whole system, prints where to call it, and stops
 * everything on Ctrl-C.
 */
public final class RunLocalStack {

	private RunLocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		boolean demo = false;
		for (String arg : args) {
			switch (arg) {
				case "--demo" -> demo = true;
				case "-h", "--help" -> {
					System.out.println(usage());
					return;
				}
				default -> {
					System.err.println("Unknown option " + arg + "\n" + usage());
					System.exit(2);
				}
			}
		}
		Path home = Path.of(System.getProperty("scenariohub.home", ".")).toAbsolutePath().normalize();
		LocalStack stack;
		try {
			StackConfig config = StackConfig.fromEnvironment(home, demo);
			System.out.println("Starting ScenarioHub (data in " + config.dataDir() + ", logs in "
					+ config.dataDir().resolve("logs") + ") ...");
			// a part that keeps dying stops everything (the shutdown hook below), with
			// exit code 1
			stack = LocalStack.start(config, System.out, () -> new Thread(() -> System.exit(1), "give-up").start());
			if (demo) {
				int seeded = DemoSeed.seed(config);
				System.out.println(seeded > 0 ? "Demo: created the program \"Haizhu AI+ Scenarios\" and published "
						+ seeded + " of its scenarios" : "Demo: scenarios exist already, nothing seeded");
			}
		}
		catch (StackException ex) {
			System.err.println("\n" + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		LocalStack running = stack;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping ScenarioHub ...");
			running.close();
			System.out.println("Stopped.");
			stopped.countDown();
		}, "stop-scenariohub"));
		System.out.println(banner(stack.config()));
		stopped.await();
	}

	static String usage() {
		return """
				Usage: ./run.sh [--demo]
				  --demo   seed demo scenarios (once; skipped when scenarios exist)
				Ports and settings come from the environment, e.g. GATEWAY_PORT=18080 ./run.sh;
				MONGODB_URI=mongodb://host:27017 uses a real MongoDB instead of the embedded store;
				KAFKA_AUTH=scram makes Kafka sign in every client (a user per service, ACLs), as deployed;
				any service setting passes through, e.g. SCENARIOS_AWARD_STANDSTILL=PT5M ./run.sh""";
	}

	static String banner(StackConfig c) {
		return """

				ScenarioHub is running.
				  Gateway (call this):  %1$s/api/v1/...
				  Console (browser):    %1$s/
				  OIDC issuer:          %2$s  (discovery: %2$s/.well-known/openid-configuration)
				  Kafka:                %3$s   MongoDB: %4$s   SMTP sink: 127.0.0.1:%5$d

				Demo clients (client_credentials; secret = <client-id>-secret):
				  %6$s

				Try it:
				  TOKEN=$(curl -s -u demo-officer:demo-officer-secret -d grant_type=client_credentials %2$s/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
				  curl -s -H "Authorization: Bearer $TOKEN" '%1$s/api/v1/scenarios?status=OPEN'

				Press Ctrl-C to stop everything.
				"""
			.formatted(c.gatewayUrl(), c.issuerUrl(),
					c.kafkaBootstrap() + (c.kafkaAuth() ? " (SASL SCRAM-SHA-512: " + KafkaSecurity.ADMIN + " / "
							+ KafkaSecurity.password(KafkaSecurity.ADMIN) + ")" : ""),
					c.effectiveMongoUri(), c.smtpPort(), String.join(", ", LocalStack.DEMO_CLIENTS));
	}

}
