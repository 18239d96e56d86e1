package dev.scenariohub.notification.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.ConsumerGroups;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.RecordedQueries;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScenarioPublishedNotificationTest {

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	WebTestClient web;

	@Autowired
	void bind(ApplicationContext context) {
		this.web = ApiClients.anonymous(context);
	}

	private WebTestClient as(String sub) {
		return ApiClients.as(this.web, sub, "enterprise");
	}

	private RecordMetadata publish(String eventId, String scenarioId, String sector, String capability) {
		String data = Events.published(scenarioId, sector, capability);
		OutboxEvent event = new OutboxEvent(eventId, "dev.scenariohub.scenario.published.v1", scenarioId, 2,
				Instant.now(), data);
		return this.kafka
			.send(KafkaMessageFactory.<String>createWriter("scenarios", scenarioId)
				.writeBinary(this.publisher.toCloudEvent(event)))
			.join()
			.getRecordMetadata();
	}

	private List<Map<String, Object>> inboxOf(String sub) {
		return as(sub).get()
			.uri("/api/v1/notifications")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equals("items"))
			.map(e -> (List<Map<String, Object>>) e.getValue())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void subscribersOfTheSectorOrACapabilityAreToldOnceEvenWhenTheEventArrivesTwice() {
		String bySector = "ent-" + UUID.randomUUID();
		String byCapability = "ent-" + UUID.randomUUID();
		String elsewhere = "ent-" + UUID.randomUUID();
		as(bySector).post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("sectors", List.of("LOW_ALTITUDE_ECONOMY")))
			.exchange()
			.expectStatus()
			.isCreated();
		as(byCapability).post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("capabilities", List.of("drone-navigation")))
			.exchange()
			.expectStatus()
			.isCreated();
		as(elsewhere).post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("sectors", List.of("HEALTHCARE")))
			.exchange()
			.expectStatus()
			.isCreated();

		String scenarioId = new ObjectId().toHexString();
		String eventId = UUID.randomUUID().toString();
		publish(eventId, scenarioId, "LOW_ALTITUDE_ECONOMY", "drone-navigation");
		RecordMetadata repeat = publish(eventId, scenarioId, "LOW_ALTITUDE_ECONOMY", "drone-navigation");
		ConsumerGroups.awaitConsumed("notification-service", repeat, Duration.ofSeconds(30));

		for (String recipient : List.of(bySector, byCapability)) {
			List<Map<String, Object>> inbox = inboxOf(recipient);
			assertThat(inbox).singleElement().satisfies(n -> {
				assertThat(n.get("title")).isEqualTo("新应用场景发布：Drone parcel lockers");
				assertThat(n.get("link")).isEqualTo("/api/v1/scenarios/" + scenarioId);
				assertThat(n.get("readAt")).isNull();
			});
		}
		assertThat(inboxOf(elsewhere)).isEmpty();

		String id = (String) inboxOf(bySector).get(0).get("id");
		as(byCapability).post().uri("/api/v1/notifications/{id}/read", id).exchange().expectStatus().isNotFound();
		as(bySector).post().uri("/api/v1/notifications/{id}/read", id).exchange().expectStatus().isOk();
		assertThat(inboxOf(bySector).get(0).get("readAt")).isNotNull();
	}

	/**
	 * Each store command is a round trip every event waits for: what the published event
	 * carries about its scenario is written to the directory once and used as it is, not
	 * read back for the feed, the subscribers and the text.
	 */
	@Test
	void aPublicationIsToldFromWhatItsEventCarriesWithoutReadingTheDirectoryBack() {
		String subscriber = "ent-" + UUID.randomUUID();
		as(subscriber).post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("capabilities", List.of("round-trip-counting")))
			.exchange()
			.expectStatus()
			.isCreated();
		RecordedQueries store = RecordedQueries.instance();
		long readsBefore = store.commands("directory-scenarios", "find");
		long writesBefore = store.commands("directory-scenarios", "update");

		String scenarioId = new ObjectId().toHexString();
		RecordMetadata sent = publish(UUID.randomUUID().toString(), scenarioId, "SMART_MANUFACTURING",
				"round-trip-counting");
		ConsumerGroups.awaitConsumed("notification-service", sent, Duration.ofSeconds(30));

		assertThat(inboxOf(subscriber)).singleElement()
			.satisfies(n -> assertThat(n.get("title")).isEqualTo("新应用场景发布：Drone parcel lockers"));
		assertThat(store.commands("directory-scenarios", "update") - writesBefore).isEqualTo(1);
		assertThat(store.commands("directory-scenarios", "find") - readsBefore).isZero();
	}

	@Test
	void aSubscriptionNamingNothingIsRefused() {
		as("ent-x").post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("sectors", List.of()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sectorsOrCapabilities");
		as("ent-x").post()
			.uri("/api/v1/subscriptions")
			.bodyValue(Map.of("sectors", List.of("UNDERWATER_BASKETS")))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void tooManyItemsPerPageIsRefused() {
		as("ent-y").get().uri("/api/v1/notifications?limit=1000").exchange().expectStatus().isBadRequest();
		as("ent-y").get().uri("/api/v1/notifications?cursor=bm9wZQ").exchange().expectStatus().isBadRequest();
	}

}
