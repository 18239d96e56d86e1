package dev.scenariohub.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.scenariohub.localstack.StackConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into the running stack while a bounded writer publishes scenarios and
 * submits applications through the gateway: the Kafka broker, each service, the store and
 * the gateway are killed with SIGKILL (by process id) one after the other, and the
 * stack's supervisor restarts them. Poison records are written to every topic. Then the
 * verdict, for every request acknowledged with 2xx: present in every read model that
 * should have it — the public feed, enterprise-service's scenarios, the subscriber's
 * inbox and webhook receiver, the officers' inbox — with nothing lost, nothing duplicated
 * a user could see, and no unexpected answer; and each poison record in its dead-letter
 * topics.
 */
class FaultInjectionSystemTest {

	/**
	 * Rounds of the writer: one scenario published and one application submitted each.
	 */
	static final int ROUNDS = Integer.getInteger("scenariohub.faults.rounds", 14);

	/** What is killed before which round. */
	static final Map<Integer, String> FAULTS = Map.of(2, "kafka", 4, "scenario-service", 6, "enterprise-service", 8,
			"notification-service", 10, "mongodb", 12, "gateway");

	/** How long one step of the writer keeps retrying a part that is down. */
	static final Duration STEP_DEADLINE = Duration.ofSeconds(120);

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final WebhookReceiver RECEIVER = new WebhookReceiver();

	private final Map<String, Long> recoveries = new LinkedHashMap<>();

	private final List<String> unexpected = new CopyOnWriteArrayList<>();

	private String pendingFault;

	private long faultAt;

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void nothingAcknowledgedIsLostOrDuplicatedWhileEveryPartIsKilledAndRestarted() {
		String officer = Stack.token("demo-officer");
		String subscriber = Stack.token("demo-enterprise-1");
		String enterprise = Stack.token("demo-enterprise-2");
		String admin = Stack.token("demo-admin");

		String enterpriseId = created(Stack.call("POST", "/api/v1/enterprises", enterprise,
				Map.of("name", "Fault Tolerant Drones " + RUN, "creditCode", ApplyAndReviewSystemTest.freshCreditCode(),
						"category", "STARTUP", "district", "Haizhu", "capabilities", List.of("drone-navigation"),
						"contact", Map.of("name", "Wu Lei", "email", "wu.lei@example.com")),
				Map.of()));
		expect(200, Stack.call("POST", "/api/v1/enterprises/" + enterpriseId + "/verify", officer, null, Map.of()));
		String programId = created(Stack.call("POST", "/api/v1/programs", officer,
				Map.of("name", "Faults " + RUN, "authority", "Haizhu District AI Development Bureau", "startsOn",
						"2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
						Map.of("amount", "90000000.00", "currency", "CNY"), "computeBudget", 900000),
				Map.of()));
		expect(201, Stack.call("POST", "/api/v1/subscriptions", subscriber,
				Map.of("sectors", List.of("LOW_ALTITUDE_ECONOMY")), Map.of()));
		expect(201,
				Stack.call("POST", "/api/v1/webhooks", subscriber,
						Map.of("url", RECEIVER.url(), "eventTypes", List.of("dev.scenariohub.scenario.published.v1")),
						Map.of()));
		poisonEveryTopic();

		List<String> scenarios = new ArrayList<>();
		List<String> applications = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String part = FAULTS.get(round);
			if (part != null) {
				kill(part);
			}
			String scenarioId = createScenario(officer, programId, round);
			publish(officer, scenarioId);
			scenarios.add(scenarioId);
			String applicationId = createApplication(enterprise, scenarioId, enterpriseId, round);
			submit(enterprise, applicationId);
			applications.add(applicationId);
		}

		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			Verdict v = verdict(scenarios, applications, subscriber, officer, enterprise);
			return v.lost().isEmpty();
		});
		Verdict verdict = verdict(scenarios, applications, subscriber, officer, enterprise);
		System.out.printf(
				"Fault injection verdict: %d scenarios and %d applications acknowledged; lost=%d "
						+ "duplicates=%d unexpected=%d; recovery (kill → next acknowledged request) ms: %s%n",
				scenarios.size(), applications.size(), verdict.lost().size(), verdict.duplicates().size(),
				this.unexpected.size(), this.recoveries);
		assertThat(verdict.lost()).as("lost").isEmpty();
		assertThat(verdict.duplicates()).as("user-visible duplicates").isEmpty();
		assertThat(this.unexpected).as("unexpected answers").isEmpty();
		assertThat(this.recoveries).as("every killed part came back").hasSize(FAULTS.size());
		assertPoisonInEveryDeadLetterTopic(admin);
	}

	/** What the read models hold of the acknowledged writes. */
	record Verdict(List<String> lost, List<String> duplicates) {
	}

	private Verdict verdict(List<String> scenarios, List<String> applications, String subscriber, String officer,
			String enterprise) {
		List<String> lost = new ArrayList<>();
		List<String> duplicates = new ArrayList<>();
		List<JsonNode> feed = Stack.feed("dev.scenariohub.scenario.published.v1");
		List<JsonNode> subscriberInbox = Stack.inbox(subscriber);
		List<JsonNode> officerInbox = Stack.inbox(officer);
		for (String id : scenarios) {
			long inFeed = feed.stream()
				.filter(e -> id.equals(e.get("subject").asString())
						&& "dev.scenariohub.scenario.published.v1".equals(e.get("type").asString()))
				.count();
			count("feed", id, inFeed, lost, duplicates);
			count("subscriber's inbox", id,
					matching(subscriberInbox, "/api/v1/scenarios/" + id, "dev.scenariohub.scenario.published.v1"), lost,
					duplicates);
			count("webhook receiver", id, RECEIVER.distinctIdsWith(id), lost, duplicates);
			if (Stack.attempt("GET", "/api/v1/matches/open-scenarios/" + id, enterprise, null, Map.of())
				.status() != 200) {
				lost.add("enterprise-service's scenarios: " + id);
			}
		}
		for (String id : applications) {
			Stack.Response application = Stack.attempt("GET", "/api/v1/applications/" + id, enterprise, null, Map.of());
			if (application.status() != 200 || !"SUBMITTED".equals(application.json().get("status").asString())) {
				lost.add("submitted application: " + id + " " + application);
			}
			count("officers' inbox", id,
					matching(officerInbox, "/api/v1/applications/" + id, "dev.scenariohub.application.submitted.v1"),
					lost, duplicates);
		}
		return new Verdict(lost, duplicates);
	}

	private static void count(String where, String id, long found, List<String> lost, List<String> duplicates) {
		if (found == 0) {
			lost.add(where + ": " + id);
		}
		else if (found > 1) {
			duplicates.add(where + ": " + id + " × " + found);
		}
	}

	private static long matching(List<JsonNode> inbox, String link, String type) {
		return inbox.stream()
			.filter(n -> link.equals(n.get("link").asString()) && type.equals(n.get("type").asString()))
			.count();
	}

	private void kill(String part) {
		long pid = Stack.stack().pid(part).orElseThrow(() -> new AssertionError("no process " + part));
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
		this.pendingFault = part;
		this.faultAt = System.nanoTime();
	}

	/** Records the time from the last kill to the first acknowledged request after it. */
	private void acknowledged() {
		if (this.pendingFault != null) {
			this.recoveries.put(this.pendingFault, (System.nanoTime() - this.faultAt) / 1_000_000);
			this.pendingFault = null;
		}
	}

	/**
	 * Retries one step as a careful client does while parts are down: no answer,
	 * 502/503/504, and the answers that only say "not yet" are retried. Any other answer
	 * no client should see (500, or a refusal of a valid request) is counted as
	 * unexpected, and the step is retried all the same, until its deadline.
	 */
	private Stack.Response retry(String what, Predicate<Stack.Response> done, Set<Integer> notYet,
			Supplier<Stack.Response> step) {
		AtomicReference<Stack.Response> last = new AtomicReference<>();
		try {
			await(what).atMost(STEP_DEADLINE)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					Stack.Response response = step.get();
					last.set(response);
					if (done.test(response)) {
						return true;
					}
					boolean retryable = response.status() == -1 || response.status() == 502 || response.status() == 503
							|| response.status() == 504 || notYet.contains(response.status()) || unknownYet(response);
					if (!retryable) {
						this.unexpected.add(what + " → " + response);
					}
					return false;
				});
		}
		catch (ConditionTimeoutException timedOut) {
			throw new AssertionError(what + " did not succeed within " + STEP_DEADLINE + "; last: " + last.get());
		}
		acknowledged();
		return last.get();
	}

	private String createScenario(String officer, String programId, int round) {
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		Map<String, Object> body = Map.ofEntries(Map.entry("programId", programId),
				Map.entry("title", "Drone lockers " + RUN + " #" + round), Map.entry("sector", "LOW_ALTITUDE_ECONOMY"),
				Map.entry("demandOwner", "Haizhu Post"), Map.entry("description", "Last-mile delivery by drone"),
				Map.entry("requiredCapabilities", List.of("drone-navigation")),
				Map.entry("support",
						Map.of("funding", Map.of("amount", "100000.00", "currency", "CNY"), "computeGpuHours", 100)),
				Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
				Map.entry("closesAt", opens.plusDays(30).toString()),
				Map.entry("rubric", List.of(Map.of("key", "feasibility", "name", "Feasibility", "weight", 100))));
		Map<String, String> key = Map.of("Idempotency-Key", "fault-scenario-" + RUN + "-" + round);
		return retry("create scenario " + round, r -> r.status() == 201, Set.of(409),
				() -> Stack.attempt("POST", "/api/v1/scenarios", officer, body, key))
			.json()
			.get("id")
			.asString();
	}

	private void publish(String officer, String scenarioId) {
		retry("publish " + scenarioId, r -> r.status() == 200 || isNow(r, "OPEN"), Set.of(), () -> Stack.attempt("POST",
				"/api/v1/scenarios/" + scenarioId + "/publish", officer, null, Map.of("If-Match", "\"1\"")));
	}

	private String createApplication(String enterprise, String scenarioId, String enterpriseId, int round) {
		Map<String, Object> body = Map.of("scenarioId", scenarioId, "enterpriseId", enterpriseId, "summary",
				"Rooftop lockers, round " + round, "technicalApproach", "VTOL drones", "requestedFunding",
				Map.of("amount", "50000.00", "currency", "CNY"), "requestedComputeGpuHours", 50);
		Map<String, String> key = Map.of("Idempotency-Key", "fault-application-" + RUN + "-" + round);
		return retry("create application " + round, r -> r.status() == 201, Set.of(409),
				() -> Stack.attempt("POST", "/api/v1/applications", enterprise, body, key))
			.json()
			.get("id")
			.asString();
	}

	private void submit(String enterprise, String applicationId) {
		retry("submit " + applicationId, r -> r.status() == 200 || isNow(r, "SUBMITTED"), Set.of(409), () -> Stack
			.attempt("POST", "/api/v1/applications/" + applicationId + "/submit", enterprise, null, Map.of()));
	}

	/**
	 * enterprise-service knows scenarios only from events: until it has heard of one just
	 * published (longer while the broker is down), an application to it is refused as
	 * naming no published scenario.
	 */
	private static boolean unknownYet(Stack.Response response) {
		return response.status() == 400 && response.body().contains("refers to no published scenario");
	}

	/**
	 * A 409 that says the earlier attempt went through: the resource is already in that
	 * status.
	 */
	private static boolean isNow(Stack.Response response, String status) {
		return response.status() == 409 && response.body().contains("\"currentStatus\":\"" + status + "\"");
	}

	private static String created(Stack.Response response) {
		return expect(201, response).json().get("id").asString();
	}

	private static Stack.Response expect(int status, Stack.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static void poisonEveryTopic() {
		Map<String, Object> config = new HashMap<>(Stack.get().kafkaClientProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrap());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (String topic : List.of("scenarios", "applications", "enterprises")) {
				producer.send(new ProducerRecord<>(topic, "poison-" + RUN, "not a cloud event"));
			}
			producer.flush();
		}
	}

	/**
	 * Each consumer of each topic put the poison record of this run in its dead-letter
	 * topic.
	 */
	private static void assertPoisonInEveryDeadLetterTopic(String admin) {
		StackConfig config = Stack.get();
		Map<String, Integer> services = Map.of("scenario-service", config.scenarioPort(), "enterprise-service",
				config.enterprisePort(), "notification-service", config.notificationPort());
		services.forEach((service, port) -> {
			JsonNode topics = Stack.JSON.readTree(direct(port, "/actuator/deadletters", admin));
			assertThat(topics.propertyNames()).as(service + " dead-letter topics").isNotEmpty();
			for (String topic : topics.propertyNames()) {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> direct(port, "/actuator/deadletters/" + topic, admin).contains("poison-" + RUN));
			}
		});
	}

	private static String direct(int port, String path, String token) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new AssertionError(path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

}
