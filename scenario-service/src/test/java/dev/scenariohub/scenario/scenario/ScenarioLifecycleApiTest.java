package dev.scenariohub.scenario.scenario;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import dev.scenariohub.scenario.Fixtures;
import dev.scenariohub.scenario.ScenarioServiceIntegrationTest;
import dev.scenariohub.scenario.chronograph.ChronographDelay;
import dev.scenariohub.scenario.chronograph.DeadlineCloser;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioServiceIntegrationTest
class ScenarioLifecycleApiTest {

	@Autowired
	MutableClock clock;

	@Autowired
	ScenarioRepository scenarios;

	@Autowired
	DeadlineCloser deadlines;

	@Autowired
	ChronographDelay delay;

	@Autowired
	MeterRegistry meters;

	Fixtures fixtures;

	String programId;

	@Autowired
	void bind(ApplicationContext context) {
		this.fixtures = new Fixtures(ApiClients.anonymous(context), this.clock);
	}

	@BeforeEach
	void program() {
		this.programId = this.fixtures.program("10000000.00", 100_000);
	}

	private static List<ConsumerRecord<String, byte[]>> events(String scenarioId, int atLeast) {
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> tap.records()
					.stream()
					.filter(r -> scenarioId.equals(r.key()))
					.map(r -> EventTap.header(r, "ce_id"))
					.distinct()
					.count() >= atLeast);
			// delivery is at least once: a repeat (same ce_id) is one event
			Set<String> seen = new HashSet<>();
			return tap.records()
				.stream()
				.filter(r -> scenarioId.equals(r.key()) && seen.add(EventTap.header(r, "ce_id")))
				.toList();
		}
	}

	private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map(r -> EventTap.header(r, "ce_type")).toList();
	}

	@Test
	void theDeadlineClosesAScenarioExactlyOnceEvenWithTwoReplicasPolling() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.transition(id, "publish");
		DeadlineCloser otherReplica = new DeadlineCloser(this.scenarios, this.clock);

		this.deadlines.closeDue().block();
		assertThat(this.scenarios.findById(id).block().status()).as("before closesAt").isEqualTo(ScenarioStatus.OPEN);
		this.clock.advance(Duration.ofDays(31));
		Flux.merge(this.deadlines.closeDue(), otherReplica.closeDue(), this.deadlines.closeDue()).blockLast();

		Scenario closed = this.scenarios.findById(id).block();
		assertThat(closed.status()).isEqualTo(ScenarioStatus.CLOSED);
		assertThat(closed.version()).as("one close, one write").isEqualTo(3);
		List<ConsumerRecord<String, byte[]>> events = events(id, 2);
		assertThat(types(events)).containsExactly("dev.scenariohub.scenario.published.v1",
				"dev.scenariohub.scenario.closed.v1");
		events.forEach(r -> EventSchemas.assertValid(EventTap.header(r, "ce_type"), r.value()));
		this.deadlines.closeDue().block();
		assertThat(this.scenarios.findById(id).block().version()).as("a later round changes nothing").isEqualTo(3);
		assertThat(types(events(id, 2))).as("exactly one closed event")
			.containsExactly("dev.scenariohub.scenario.published.v1", "dev.scenariohub.scenario.closed.v1");
	}

	@Test
	void theChronographsDelayGrowsWhileADeadlineWaitsAndIsZeroOnceItIsActedOn() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.transition(id, "publish");
		this.deadlines.closeDue().block();
		assertThat(this.delay.refresh().block()).as("nothing due").isZero();

		Instant closesAt = this.scenarios.findById(id).block().state().closesAt();
		this.clock.advance(Duration.ofDays(31));
		this.delay.refresh().block();
		assertThat(this.delay.seconds("closing")).as("seconds since the deadline nobody acted on")
			.isGreaterThanOrEqualTo(Duration.between(closesAt, this.clock.instant()).toSeconds());
		assertThat(this.meters.get("scenariohub.chronograph.delay").tag("work", "closing").gauge().value())
			.isEqualTo(this.delay.seconds("closing"));

		this.deadlines.closeDue().block();
		this.delay.refresh().block();
		assertThat(this.delay.seconds("closing")).as("the deadline was acted on").isZero();
	}

	@Test
	void aMaterialChangeInTheLastTwoDaysExtendsTheDeadlineAndIsAnnounced() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.transition(id, "publish");
		this.clock.advance(Duration.ofDays(29));

		Map<?, ?> changed = this.fixtures.officer()
			.patch()
			.uri("/api/v1/scenarios/{id}", id)
			.header("If-Match", "\"2\"")
			.bodyValue(Map.of("requirements", "Grading for 7 sizes", "title", "Pattern making, phase 1"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"3\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(OffsetDateTime.parse((String) changed.get("closesAt")).toInstant())
			.isAfter(this.clock.instant().plus(Duration.ofDays(2)));

		ConsumerRecord<String, byte[]> updated = events(id, 2).get(1);
		assertThat(EventTap.header(updated, "ce_type")).isEqualTo("dev.scenariohub.scenario.updated.v1");
		EventSchemas.assertValid("dev.scenariohub.scenario.updated.v1", updated.value());
		assertThat(new String(updated.value())).contains("\"material\":true", "\"deadlineExtended\":true",
				"\"changedFields\":[\"title\",\"requirements\"]");
	}

	@Test
	void patchNeedsIfMatchAndRefusesAStaleOne() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.officer()
			.patch()
			.uri("/api/v1/scenarios/{id}", id)
			.bodyValue(Map.of("title", "x"))
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		this.fixtures.officer()
			.patch()
			.uri("/api/v1/scenarios/{id}", id)
			.header("If-Match", "\"9\"")
			.bodyValue(Map.of("title", "x"))
			.exchange()
			.expectStatus()
			.isEqualTo(412);
	}

	@Test
	void eachTransitionRaisesItsEventAndTheHistoryTellsWhoDidWhat() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.transition(id, "publish");
		this.fixtures.transition(id, "close");
		this.fixtures.transition(id, "start-review");
		this.fixtures.transition(id, "cancel");

		List<ConsumerRecord<String, byte[]>> events = events(id, 4);
		assertThat(types(events)).containsExactly("dev.scenariohub.scenario.published.v1",
				"dev.scenariohub.scenario.closed.v1", "dev.scenariohub.scenario.review-started.v1",
				"dev.scenariohub.scenario.cancelled.v1");
		assertThat(events).extracting(r -> EventTap.header(r, "ce_sequence"))
			.containsExactly("0000000000000000002", "0000000000000000003", "0000000000000000004",
					"0000000000000000005");
		events.forEach(r -> EventSchemas.assertValid(EventTap.header(r, "ce_type"), r.value()));

		this.fixtures.officer()
			.get()
			.uri("/api/v1/scenarios/{id}/history", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(4)
			.jsonPath("$[0].type")
			.isEqualTo("dev.scenariohub.scenario.published.v1")
			.jsonPath("$[3].actor")
			.isEqualTo("demo-officer");
		this.fixtures.anonymous()
			.get()
			.uri("/api/v1/scenarios/{id}/history", id)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void illegalTransitionsAre409AndChangeNothing() {
		String id = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		for (String action : List.of("close", "start-review", "start-pilot", "complete")) {
			this.fixtures.officer()
				.post()
				.uri("/api/v1/scenarios/{id}/{action}", id, action)
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.currentStatus")
				.isEqualTo("DRAFT");
		}
		assertThat(this.scenarios.findById(id).block().version()).isEqualTo(1);
	}

	@Test
	void listsFilterByCapabilityWordsAndProgram() {
		Map<String, Object> drones = this.fixtures.scenarioBody(this.programId);
		drones.put("title", "Rooftop drone lockers");
		drones.put("requiredCapabilities", List.of("drone-navigation"));
		String droneId = this.fixtures.draft(drones);
		this.fixtures.transition(droneId, "publish");
		String other = this.fixtures.draft(this.fixtures.scenarioBody(this.programId));
		this.fixtures.transition(other, "publish");

		this.fixtures.anonymous()
			.get()
			.uri("/api/v1/scenarios?capability=drone-navigation&programId={p}", this.programId)
			.exchange()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of(droneId));
		this.fixtures.anonymous()
			.get()
			.uri("/api/v1/scenarios?q=ROOFTOP&programId={p}", this.programId)
			.exchange()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of(droneId));
		Map<?, ?> first = this.fixtures.anonymous()
			.get()
			.uri("/api/v1/scenarios?programId={p}&limit=1", this.programId)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) first.get("items")).hasSize(1);
		String next = (String) first.get("next");
		assertThat(next).startsWith("/api/v1/scenarios?").contains("programId=" + this.programId, "limit=1", "cursor=");
		Map<?, ?> second = this.fixtures.anonymous()
			.get()
			.uri(URI.create(next))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<String> ids = ((List<?>) second.get("items")).stream()
			.map(item -> (String) ((Map<?, ?>) item).get("id"))
			.toList();
		assertThat(ids).as("the second page, same filter, after the first").containsExactly(other);
		this.fixtures.anonymous()
			.get()
			.uri("/api/v1/scenarios?capability=$ne")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
