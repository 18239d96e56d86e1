package dev.scenariohub.system;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.scenariohub.platform.test.EventTap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.scenariohub.system.Journeys.created;
import static dev.scenariohub.system.Journeys.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One W3C trace from a client's request to the webhook it causes: the gateway passes the
 * caller's {@code traceparent} on, scenario-service keeps it with the events it stores,
 * the outbox relay writes it into the Kafka record's headers, notification-service
 * continues it while it plans the delivery, and the webhook arrives carrying the same
 * trace id. A consumer in another service (enterprise-service) continues the trace in the
 * events it raises in turn. Every part exports its spans over OTLP to a collector the
 * test runs, where the whole trace is seen.
 */
class TracingSystemTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final WebhookReceiver RECEIVER = new WebhookReceiver();

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	private static String newTraceId() {
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		id[0] |= 1;
		return HexFormat.of().formatHex(id);
	}

	/**
	 * A sampled W3C traceparent of the given trace, with a parent span of the caller's.
	 */
	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong() | 1) + "-01";
	}

	private static String scenario(String officer, String capability) {
		return Journeys.draftScenario(officer, Journeys.program(officer, "Traced " + RUN), "Traced scenario " + RUN,
				capability);
	}

	@Test
	void aConsumerContinuesTheTraceOfTheEventItActsOn() {
		String officer = Stack.token("demo-officer");
		String enterprise = Stack.token("demo-enterprise-2");
		String enterpriseId = created(Stack.call("POST", "/api/v1/enterprises", enterprise,
				Map.of("name", "Traced Robotics " + RUN, "creditCode", ApplyAndReviewSystemTest.freshCreditCode(),
						"category", "STARTUP", "district", "Haizhu", "contact",
						Map.of("name", "Zhou Min", "email", "zhou.min@example.com")),
				Map.of()));
		expect(200, Stack.call("POST", "/api/v1/enterprises/" + enterpriseId + "/verify", officer, null, Map.of()));
		String scenarioId = scenario(officer, "traced-" + RUN);
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/publish", officer, null, Map.of()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack.call("GET", "/api/v1/matches/open-scenarios/" + scenarioId, enterprise, null, Map.of())
				.status() == 200);
		String applicationId = created(Stack.call("POST", "/api/v1/applications", enterprise,
				Map.of("scenarioId", scenarioId, "enterpriseId", enterpriseId, "summary", "Traced proposal",
						"requestedFunding", Map.of("amount", "50000.00", "currency", "CNY"), "requestedComputeGpuHours",
						5),
				Map.of()));
		expect(200,
				Stack.call("POST", "/api/v1/applications/" + applicationId + "/submit", enterprise, null, Map.of()));

		String traceId = newTraceId();
		try (EventTap tap = EventTap.on(Stack.get().kafkaBootstrap(), Stack.get().kafkaClientProperties(),
				"applications")) {
			// scenario-service cancels; enterprise-service, consuming that event, moves
			// the
			// application and announces it: its event continues the officer's trace
			expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/cancel", officer,
					Map.of("reason", "traced cancellation"), Map.of("traceparent", traceparent(traceId))));
			ConsumerRecord<String, byte[]> moved = tap.awaitRecord(
					EventTap.event("dev.scenariohub.application.status-changed.v1", applicationId),
					Duration.ofSeconds(30));
			assertThat(traceIdOf(EventTap.header(moved, "traceparent")))
				.as("enterprise-service's event continues the trace of the event it consumed")
				.isEqualTo(traceId);
		}
		// what it logged meanwhile is a JSON line with the trace, the service and the
		// aggregate it acted for
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Stack.logLines("enterprise-service"))
				.filteredOn(line -> line.path("message").asString("").contains("followed it"))
				.filteredOn(line -> traceId.equals(line.path("traceId").asString(null)))
				.as("a log line of the consumer in the request's trace")
				.anySatisfy(line -> {
					assertThat(line.path("service").path("name").asString(null)).isEqualTo("enterprise-service");
					assertThat(line.path("spanId").asString(null)).matches("[0-9a-f]{16}");
					assertThat(line.path("aggregate").path("id").asString(null)).isEqualTo(scenarioId);
					assertThat(line.path("event").path("type").asString(null))
						.isEqualTo("dev.scenariohub.scenario.cancelled.v1");
				}));
	}

	private static String traceIdOf(String traceparent) {
		assertThat(traceparent).as("a W3C traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		return traceparent.split("-")[1];
	}

	@Test
	void oneTraceRunsFromTheRequestThroughKafkaToTheWebhook() {
		String officer = Stack.token("demo-officer");
		String subscriber = Stack.token("demo-admin");
		String capability = "traced-" + RUN;
		expect(201, Stack.call("POST", "/api/v1/subscriptions", subscriber, Map.of("capabilities", List.of(capability)),
				Map.of()));
		expect(201, Stack.call("POST", "/api/v1/webhooks", subscriber, Map.of("url", RECEIVER.url()), Map.of()));
		String scenarioId = scenario(officer, capability);

		String traceId = newTraceId();
		String parent = traceparent(traceId);
		try (EventTap tap = EventTap.on(Stack.get().kafkaBootstrap(), Stack.get().kafkaClientProperties(),
				"scenarios")) {
			expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/publish", officer, null,
					Map.of("traceparent", parent)));
			ConsumerRecord<String, byte[]> published = tap.awaitRecord(
					EventTap.event("dev.scenariohub.scenario.published.v1", scenarioId), Duration.ofSeconds(30));
			assertThat(traceIdOf(EventTap.header(published, "traceparent")))
				.as("the Kafka record continues the request's trace")
				.isEqualTo(traceId);
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> RECEIVER.calls().stream().anyMatch(call -> call.body().contains(scenarioId)));
		WebhookReceiver.Call delivery = RECEIVER.calls()
			.stream()
			.filter(call -> call.body().contains(scenarioId))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.traceparent()).as("the webhook carries a traceparent").isNotNull();
		assertThat(traceIdOf(delivery.traceparent())).as("the webhook continues the request's trace")
			.isEqualTo(traceId);

		// every part exported its spans of that trace, named by what it did
		String published = "dev.scenariohub.scenario.published.v1";
		List<String> expected = List.of("gateway: SERVER", "scenario-service: SERVER",
				"scenario-service: " + published + " publish PRODUCER",
				"enterprise-service: " + published + " process CONSUMER",
				"notification-service: " + published + " process CONSUMER",
				"notification-service: " + published + " deliver CLIENT",
				"notification-service: dev.scenariohub.notification.delivered.v1 publish PRODUCER");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(exported(traceId)).as("spans exported for the trace").containsAll(expected));
	}

	/**
	 * The spans of one trace as "service: name KIND", server spans as "service: SERVER".
	 */
	private static List<String> exported(String traceId) {
		return Stack.SPANS.trace(traceId)
			.stream()
			.map(span -> span.service() + ": "
					+ (span.kind().equals("SPAN_KIND_SERVER") ? "SERVER"
							: span.name() + " " + span.kind().replace("SPAN_KIND_", "")))
			.distinct()
			.toList();
	}

}
