package dev.scenariohub.enterprise.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.platform.events.CloudEventPublisher;
import dev.scenariohub.platform.events.OutboxEvent;
import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.ConsumerGroups;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.IntegrationTest;
import dev.scenariohub.platform.test.RecordedQueries;
import dev.scenariohub.platform.test.SharedInfrastructure;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ScenarioEventsConsumerTest {

	private static final String PUBLISHED = "dev.scenariohub.scenario.published.v1";

	@Autowired
	MeterRegistry meters;

	@Autowired
	CloudEventPublisher publisher;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	KnownScenarioRepository scenarios;

	@Autowired
	ApplicationContext context;

	static String published(String id, String title) {
		return """
				{"scenarioId":"%s","title":"%s","sector":"LOW_ALTITUDE_ECONOMY","demandOwner":"Haizhu Post",
				 "description":"d","requirements":"Payload 5 kg","requiredCapabilities":["drone-navigation"],
				 "eligibleCategories":["STARTUP"],
				 "support":{"funding":{"amount":"100000.00","currency":"CNY"},"computeGpuHours":500,"dataAccess":null,"pilotSite":"Pazhou"},
				 "maxAwards":1,"opensAt":"2026-03-01T00:00:00Z","closesAt":"2026-04-01T00:00:00Z","timeZone":"Asia/Shanghai",
				 "status":"OPEN","publishedAt":"2026-03-01T00:00:00Z","aFieldFromALaterSchema":true}
				"""
			.formatted(id, title);
	}

	private RecordMetadata send(String id, long sequence, String title) {
		OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), PUBLISHED, id, sequence, Instant.now(),
				published(id, title));
		return this.kafka
			.send(KafkaMessageFactory.<String>createWriter("scenarios", id)
				.writeBinary(this.publisher.toCloudEvent(event)))
			.join()
			.getRecordMetadata();
	}

	@Test
	void buildsTheReadModelFromPublishedEventsAndNeverRollsItBack() {
		String id = new ObjectId().toHexString();
		send(id, 3, "newest");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scenarios.findById(id).blockOptional().map(KnownScenario::title).orElse(""),
					"newest"::equals);

		send(id, 3, "newest");
		RecordMetadata older = send(id, 2, "older");
		ConsumerGroups.awaitConsumed("enterprise-service", older, Duration.ofSeconds(30));

		KnownScenario known = this.scenarios.findById(id).block();
		assertThat(known.title()).isEqualTo("newest");
		assertThat(known.sequence()).isEqualTo(3);
		assertThat(known.support().funding().amount()).isEqualTo("100000.00");
		assertThat(known.status()).isEqualTo("OPEN");
	}

	/**
	 * Each store command is a round trip every event waits for: a publication is one
	 * conditional write to the read model, with no read before it (the write itself keeps
	 * an older event from rolling the model back).
	 */
	@Test
	void aPublicationIsOneWriteToTheReadModelAndNoRead() {
		String id = new ObjectId().toHexString();
		RecordedQueries store = RecordedQueries.instance();
		long readsBefore = store.commands("known-scenarios", "find");
		long writesBefore = store.commands("known-scenarios", "update");

		ConsumerGroups.awaitConsumed("enterprise-service", send(id, 2, "counted"), Duration.ofSeconds(30));

		assertThat(store.commands("known-scenarios", "update") - writesBefore).isEqualTo(1);
		assertThat(store.commands("known-scenarios", "find") - readsBefore).isZero();
		assertThat(this.scenarios.findById(id).block(Duration.ofSeconds(5)).title()).isEqualTo("counted");
	}

	@Test
	void aMalformedRecordGoesToTheDeadLetterTopicWithoutBlockingOthers() {
		double countedBefore = deadLettersCounted();
		String id = new ObjectId().toHexString();
		this.kafka.send(new ProducerRecord<>("scenarios", id, "not a cloud event".getBytes())).join();
		String after = new ObjectId().toHexString();
		send(after, 1, "after the poison");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.scenarios.findById(after).blockOptional().isPresent());
		try (EventTap dlq = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(),
				"scenarios.enterprise-service.dlq")) {
			var dead = dlq.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
			assertThat(EventTap.header(dead, "x-exception-message")).contains("not a CloudEvent");
		}
		assertThat(deadLettersCounted()).as("scenariohub.dlq.records").isEqualTo(countedBefore + 1);
	}

	private double deadLettersCounted() {
		Counter counter = this.meters.find("scenariohub.dlq.records")
			.tags("topic", "scenarios", "dlq", "scenarios.enterprise-service.dlq")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void anAdminListsDeadLettersAndReplaysThemOnceTheCauseIsFixed() {
		String id = new ObjectId().toHexString();
		OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), PUBLISHED, id, 2, Instant.now(),
				published(id, "failed while the store was down"));
		ProducerRecord<String, byte[]> dead = KafkaMessageFactory
			.<String>createWriter("scenarios.enterprise-service.dlq", id)
			.writeBinary(this.publisher.toCloudEvent(event));
		dead.headers().add("x-exception-message", "Timeout on blocking read".getBytes());
		this.kafka.send(dead).join();
		WebTestClient admin = ApiClients.as(ApiClients.anonymous(this.context), "demo-admin", "admin");
		String dlq = "/actuator/deadletters/scenarios.enterprise-service.dlq";

		ApiClients.as(ApiClients.anonymous(this.context), "demo-officer", "officer")
			.get()
			.uri(dlq)
			.exchange()
			.expectStatus()
			.isForbidden();
		admin.get()
			.uri("/actuator/deadletters")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$['scenarios.enterprise-service.dlq']")
			.value(count -> assertThat((Integer) count).isPositive());
		admin.get()
			.uri(dlq)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.key == '%s')].error".formatted(id))
			.isEqualTo("Timeout on blocking read");

		admin.post()
			.uri(dlq)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.replayed")
			.value(replayed -> assertThat((Integer) replayed).isPositive());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.scenarios.findById(id).blockOptional().isPresent());
		admin.get().uri(dlq).exchange().expectBody().jsonPath("$[?(@.key == '%s')]".formatted(id)).isEmpty();
		admin.get().uri("/actuator/deadletters/no-such-topic").exchange().expectStatus().isBadRequest();
	}

}
