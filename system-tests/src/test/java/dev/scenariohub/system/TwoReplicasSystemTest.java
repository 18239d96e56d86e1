package dev.scenariohub.system;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances each of scenario-service and notification-service on one broker and one
 * store: a deadline closes each scenario exactly once, and each subscriber hears of each
 * event once per channel — one inbox entry, one webhook delivery (one {@code webhook-id},
 * however often it is retried).
 */
class TwoReplicasSystemTest {

	static final int SCENARIOS = 4;

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final WebhookReceiver RECEIVER = new WebhookReceiver();

	/** Members of each consumer group while one instance runs. */
	static final Map<String, Integer> ONE_INSTANCE = new java.util.HashMap<>();

	@BeforeAll
	static void secondInstances() throws IOException {
		ONE_INSTANCE.put("scenario-service", settledMembers("scenario-service"));
		ONE_INSTANCE.put("notification-service", settledMembers("notification-service"));
		// side by side, as a deployment scales out
		CompletableFuture
			.allOf(CompletableFuture.runAsync(() -> Stack.stack().startReplica("scenario-service")),
					CompletableFuture.runAsync(() -> Stack.stack().startReplica("notification-service")))
			.join();
	}

	@AfterAll
	static void oneInstanceAgain() {
		RECEIVER.close();
		Stack.stack().stopReplicas();
	}

	@Test
	void deadlinesCloseOnceAndEachRecipientIsToldOncePerChannel() {
		String officer = Stack.token("demo-officer");
		String subscriber = Stack.token("demo-reviewer-3");
		expect(201, Stack.call("POST", "/api/v1/subscriptions", subscriber,
				Map.of("capabilities", List.of("replica-" + RUN)), Map.of()));
		expect(201, Stack.call("POST", "/api/v1/webhooks", subscriber, Map.of("url", RECEIVER.url()), Map.of()));
		String programId = expect(201,
				Stack.call("POST", "/api/v1/programs", officer,
						Map.of("name", "Replicas " + RUN, "authority", "Haizhu District AI Development Bureau",
								"startsOn", "2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
								Map.of("amount", "1000000.00", "currency", "CNY"), "computeBudget", 1000),
						Map.of()))
			.json()
			.get("id")
			.asString();

		assertBothInstancesConsume("scenario-service", "applications");
		assertBothInstancesConsume("notification-service", "scenarios");

		List<String> scenarios = new ArrayList<>();
		for (int i = 0; i < SCENARIOS; i++) {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
			String id = expect(201, Stack.call("POST", "/api/v1/scenarios", officer, Map.ofEntries(
					Map.entry("programId", programId), Map.entry("title", "Closing soon " + RUN + " #" + i),
					Map.entry("sector", "SMART_MANUFACTURING"), Map.entry("demandOwner", "Haizhu Post"),
					Map.entry("description", "A deadline both replicas see"),
					Map.entry("requiredCapabilities", List.of("replica-" + RUN)),
					Map.entry("support",
							Map.of("funding", Map.of("amount", "1000.00", "currency", "CNY"), "computeGpuHours", 1)),
					Map.entry("maxAwards", 1), Map.entry("opensAt", now.minusHours(1).toString()),
					Map.entry("closesAt", now.plusSeconds(8).toString()),
					Map.entry("rubric", List.of(Map.of("key", "impact", "name", "Impact", "weight", 100)))), Map.of()))
				.json()
				.get("id")
				.asString();
			expect(200, Stack.call("POST", "/api/v1/scenarios/" + id + "/publish", officer, null,
					Map.of("If-Match", "\"1\"")));
			scenarios.add(id);
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> scenarios.stream()
				.allMatch(id -> "CLOSED".equals(Stack.call("GET", "/api/v1/scenarios/" + id, officer, null, Map.of())
					.json()
					.get("status")
					.asString())));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> scenarios.stream()
				.allMatch(id -> count(Stack.inbox(subscriber), id, "dev.scenariohub.scenario.closed.v1") >= 1
						&& webhookIds(id, "dev.scenariohub.scenario.closed.v1") >= 1));

		for (String id : scenarios) {
			JsonNode history = Stack.call("GET", "/api/v1/scenarios/" + id + "/history", officer, null, Map.of())
				.json();
			long closed = 0;
			for (JsonNode entry : history) {
				if (entry.get("type").asString().equals("dev.scenariohub.scenario.closed.v1")) {
					closed++;
				}
			}
			assertThat(closed).as("closings of " + id).isEqualTo(1);
			assertThat(Stack.feed("dev.scenariohub.scenario.closed.v1")
				.stream()
				.filter(e -> id.equals(e.get("subject").asString()))
				.count()).as("closed in the feed").isEqualTo(1);
			List<JsonNode> inbox = Stack.inbox(subscriber);
			assertThat(count(inbox, id, "dev.scenariohub.scenario.published.v1")).as("told of publishing").isEqualTo(1);
			assertThat(count(inbox, id, "dev.scenariohub.scenario.closed.v1")).as("told of closing").isEqualTo(1);
			assertThat(webhookIds(id, "dev.scenariohub.scenario.published.v1")).as("webhook ids for publishing")
				.isEqualTo(1);
			assertThat(webhookIds(id, "dev.scenariohub.scenario.closed.v1")).as("webhook ids for closing").isEqualTo(1);
		}
	}

	/**
	 * Both instances really consume: the group has twice the consumers it had with one
	 * instance (each runs a consumer per partition of each topic it reads), and every
	 * partition of the topic is assigned to one of them.
	 */
	private static void assertBothInstancesConsume(String group, String topic) {
		try (Admin admin = admin()) {
			int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				ConsumerGroupDescription described = describe(admin, group);
				assertThat(described.members()).as("consumers in " + group).hasSize(2 * ONE_INSTANCE.get(group));
				assertThat(described.members()
					.stream()
					.flatMap(m -> m.assignment().topicPartitions().stream())
					.filter(p -> p.topic().equals(topic))
					.distinct()
					.count()).as("partitions of " + topic + " assigned in " + group).isEqualTo(partitions);
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The members of a group, once the same number twice a second apart. */
	private static int settledMembers(String group) {
		try (Admin admin = admin()) {
			int[] last = { -1 };
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				int members = describe(admin, group).members().size();
				boolean settled = members > 0 && members == last[0];
				last[0] = members;
				return settled;
			});
			return last[0];
		}
	}

	private static ConsumerGroupDescription describe(Admin admin, String group)
			throws InterruptedException, ExecutionException {
		return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
	}

	private static Admin admin() {
		Map<String, Object> config = new java.util.HashMap<>(Stack.get().kafkaClientProperties());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrap());
		return Admin.create(config);
	}

	private static long webhookIds(String scenarioId, String type) {
		return RECEIVER.distinctIdsWith(scenarioId, "\"type\":\"" + type + "\"");
	}

	private static long count(List<JsonNode> inbox, String scenarioId, String type) {
		return inbox.stream()
			.filter(n -> ("/api/v1/scenarios/" + scenarioId).equals(n.get("link").asString())
					&& type.equals(n.get("type").asString()))
			.count();
	}

	private static Stack.Response expect(int status, Stack.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

}
