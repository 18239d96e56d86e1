package dev.scenariohub.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scenariohub.platform.test.EventTap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees while the broker does not answer: a write is still acknowledged,
 * its event waits in the outbox, and {@code scenariohub_outbox_oldest_age_seconds} rises;
 * once the broker answers again the event is published and the metric returns to zero.
 * The broker is frozen (SIGSTOP), not killed, so that nothing restarts it before the test
 * lets it go on (SIGCONT).
 */
class BrokerOutageMetricsSystemTest {

	private static final Pattern OLDEST = Pattern
		.compile("(?m)^scenariohub_outbox_oldest_age_seconds\\{[^}]*collection=\"programs\"[^}]*} ([0-9.eE+-]+)$");

	@Test
	void theOutboxAgeRisesWhileTheBrokerIsAwayAndReturnsToZeroOnceItIsBack() throws Exception {
		String officer = Stack.token("demo-officer");
		await().atMost(Duration.ofSeconds(30)).until(() -> oldestProgramEventAge() == 0);
		long broker = Stack.stack().pid("kafka").orElseThrow();
		String name = "Outage " + UUID.randomUUID().toString().substring(0, 8);
		String programId;
		try (EventTap tap = EventTap.on(Stack.get().kafkaBootstrap(), Stack.get().kafkaClientProperties(),
				"scenarios")) {
			signal("STOP", broker);
			try {
				Stack.Response created = Stack.call("POST", "/api/v1/programs", officer,
						Map.of("name", name, "authority", "Haizhu District AI Development Bureau", "startsOn",
								"2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
								Map.of("amount", "1000000.00", "currency", "CNY"), "computeBudget", 1000),
						Map.of());
				assertThat(created.status()).as("acknowledged while the broker is away: " + created.body())
					.isEqualTo(201);
				programId = created.json().get("id").asString();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(oldestProgramEventAge())
						.as("seconds the program's event has waited for the broker")
						.isGreaterThan(0));
			}
			finally {
				signal("CONT", broker);
			}
			String id = programId;
			tap.awaitRecord(record -> id.equals(record.key()), Duration.ofSeconds(90));
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(
					() -> assertThat(oldestProgramEventAge()).as("nothing waits once the broker is back").isZero());
	}

	/** The outbox age of scenario-service's programs, as its metrics endpoint says. */
	private static double oldestProgramEventAge() throws IOException, InterruptedException {
		HttpResponse<String> metrics = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + Stack.get().scenarioPort() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher value = OLDEST.matcher(metrics.body());
		assertThat(value.find()).as("scenario-service exposes the programs' outbox age").isTrue();
		return Double.parseDouble(value.group(1));
	}

	private static void signal(String signal, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
	}

}
