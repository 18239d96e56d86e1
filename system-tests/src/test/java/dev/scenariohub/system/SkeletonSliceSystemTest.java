package dev.scenariohub.system;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end, through the gateway and Kafka only: an officer
 * publishes a scenario, the event goes through the outbox to topic {@code scenarios},
 * enterprise-service knows it as open and a subscriber finds a notification in the inbox.
 */
class SkeletonSliceSystemTest {

	private static String program(String officer) {
		Stack.Response created = Stack.call("POST", "/api/v1/programs", officer,
				Map.of("name", "Haizhu AI+ Scenarios", "authority", "Haizhu District AI Development Bureau", "startsOn",
						"2026-01-01", "endsOn", "2027-12-31", "fundingBudget",
						Map.of("amount", "5000000.00", "currency", "CNY"), "computeBudget", 50000),
				Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static Map<String, Object> scenario(String programId, String title) {
		OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);
		return Map.ofEntries(Map.entry("programId", programId), Map.entry("title", title),
				Map.entry("sector", "INTELLIGENT_CONNECTED_VEHICLES"),
				Map.entry("demandOwner", "Haizhu Traffic Police Brigade"),
				Map.entry("description", "Signal priority for buses on Xingang Road"),
				Map.entry("requiredCapabilities", List.of("v2x")),
				Map.entry("support",
						Map.of("funding", Map.of("amount", "800000.00", "currency", "CNY"), "computeGpuHours", 3000)),
				Map.entry("maxAwards", 1), Map.entry("opensAt", opens.toString()),
				Map.entry("closesAt", opens.plusDays(30).toString()),
				Map.entry("rubric", List.of(Map.of("key", "feasibility", "name", "Feasibility", "weight", 100))));
	}

	@Test
	void aPublishedScenarioReachesKafkaTheEnterpriseReadModelAndSubscribersInboxes() {
		String officer = Stack.token("demo-officer");
		String enterprise = Stack.token("demo-enterprise-1");
		Stack.Response subscribed = Stack.call("POST", "/api/v1/subscriptions", enterprise,
				Map.of("sectors", List.of("INTELLIGENT_CONNECTED_VEHICLES")), Map.of());
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

		Stack.Response created = Stack.call("POST", "/api/v1/scenarios", officer,
				scenario(program(officer), "V2X signal priority"),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.etag()).isEqualTo("\"1\"");

		Stack.Response published = Stack.call("POST", "/api/v1/scenarios/" + id + "/publish", officer, null,
				Map.of("If-Match", created.etag()));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("OPEN");

		Stack.Response anonymous = Stack.call("GET", "/api/v1/scenarios/" + id, null, null, Map.of());
		assertThat(anonymous.status()).isEqualTo(200);

		try (EventTap tap = EventTap.on(Stack.get().kafkaBootstrap(), Stack.get().kafkaClientProperties(),
				"scenarios")) {
			ConsumerRecord<String, byte[]> event = tap
				.awaitRecord(EventTap.event("dev.scenariohub.scenario.published.v1", id), Duration.ofSeconds(30));
			assertThat(EventTap.header(event, "ce_source")).isEqualTo("/scenario-service");
			EventSchemas.assertValid("dev.scenariohub.scenario.published.v1", event.value());
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Stack.Response known = Stack.call("GET", "/api/v1/matches/open-scenarios/" + id, enterprise, null,
					Map.of());
			assertThat(known.status()).as(known.body()).isEqualTo(200);
			assertThat(known.json().get("title").asString()).isEqualTo("V2X signal priority");
		});

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Stack.Response inbox = Stack.call("GET", "/api/v1/notifications?unread=true", enterprise, null, Map.of());
			assertThat(inbox.status()).isEqualTo(200);
			List<JsonNode> items = inbox.json().get("items").valueStream().toList();
			assertThat(items)
				.anySatisfy(n -> assertThat(n.get("link").asString()).isEqualTo("/api/v1/scenarios/" + id));
		});
	}

	@Test
	void everyServicePublishesAnOpenApiDocumentAtTheGateway() {
		for (String service : List.of("scenario-service", "enterprise-service", "notification-service")) {
			Stack.Response doc = Stack.call("GET", "/api/v1/openapi/" + service, null, null, Map.of());
			assertThat(doc.status()).as(service + ": " + doc.body()).isEqualTo(200);
			assertThat(doc.json().get("openapi").asString()).startsWith("3.1");
			assertThat(doc.json().get("paths").size()).as(service + " paths").isPositive();
		}
	}

	@Test
	void badInputAndMissingTokensGetProblemDocumentsAndChangeNothing() {
		String officer = Stack.token("demo-officer");
		String programId = program(officer);
		Stack.Response before = Stack.call("GET", "/api/v1/scenarios?limit=100", officer, null, Map.of());

		Stack.Response anonymousWrite = Stack.call("POST", "/api/v1/scenarios", null, scenario(programId, "x"),
				Map.of());
		assertThat(anonymousWrite.status()).isEqualTo(401);
		assertThat(anonymousWrite.contentType()).startsWith("application/problem+json");

		Stack.Response forged = Stack.call("POST", "/api/v1/scenarios", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
				scenario(programId, "x"), Map.of());
		assertThat(forged.status()).isEqualTo(401);

		var unknownField = new HashMap<>(scenario(programId, "x"));
		unknownField.put("status", Map.of("$ne", "DRAFT"));
		Stack.Response rejected = Stack.call("POST", "/api/v1/scenarios", officer, unknownField, Map.of());
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).startsWith("application/problem+json");

		Stack.Response notJson = Stack.call("POST", "/api/v1/scenarios", officer, "{\"title\": ", Map.of());
		assertThat(notJson.status()).isEqualTo(400);

		Stack.Response after = Stack.call("GET", "/api/v1/scenarios?limit=100", officer, null, Map.of());
		assertThat(after.json().get("items").size()).isEqualTo(before.json().get("items").size());
	}

}
