package dev.scenariohub.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream through the gateway: a subscriber connected to
 * {@code /api/v1/notifications/stream} is told of a new scenario in its sector as it is
 * published, and the public feed shows the event to anyone.
 */
class LiveNotificationsSystemTest {

	@Test
	void aSubscriberHearsOfANewScenarioLiveAndTheFeedShowsIt() throws Exception {
		String officer = Stack.token("demo-officer");
		String listener = Stack.token("demo-reviewer-3");
		assertThat(Stack
			.call("POST", "/api/v1/subscriptions", listener, Map.of("sectors", List.of("PUBLIC_SERVICES")), Map.of())
			.status()).isEqualTo(201);

		HttpRequest stream = HttpRequest
			.newBuilder(URI.create(Stack.get().gatewayUrl() + "/api/v1/notifications/stream"))
			.header("Authorization", "Bearer " + listener)
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(stream, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						return line;
					}
				}
				return null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});

		String programId = Stack
			.call("POST", "/api/v1/programs", officer,
					Map.of("name", "Service AI", "authority", "Haizhu District AI Development Bureau", "startsOn",
							"2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
							Map.of("amount", "100000.00", "currency", "CNY"), "computeBudget", 100),
					Map.of())
			.json()
			.get("id")
			.asString();
		OffsetDateTime opens = OffsetDateTime.now().minusHours(1);
		String scenarioId = Stack
			.call("POST", "/api/v1/scenarios", officer, Map.ofEntries(Map.entry("programId", programId),
					Map.entry("title", "Queue-free service halls"), Map.entry("sector", "PUBLIC_SERVICES"),
					Map.entry("demandOwner", "Haizhu Government Service Center"),
					Map.entry("description", "Predict queues"),
					Map.entry("support",
							Map.of("funding", Map.of("amount", "50000.00", "currency", "CNY"), "computeGpuHours", 10)),
					Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
					Map.entry("closesAt", opens.plusDays(9).toString()),
					Map.entry("rubric", List.of(Map.of("key", "impact", "name", "Impact", "weight", 100)))), Map.of())
			.json()
			.get("id")
			.asString();
		assertThat(Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/publish", officer, null, Map.of()).status())
			.isEqualTo(200);

		String data = firstData.get(30, TimeUnit.SECONDS);
		assertThat(data).contains("/api/v1/scenarios/" + scenarioId);
		response.body().close();

		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> Stack
				.call("GET", "/api/v1/feed?types=dev.scenariohub.scenario.published.v1&limit=100", null, null, Map.of())
				.body()
				.contains(scenarioId));
	}

}
