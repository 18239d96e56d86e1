package dev.scenariohub.scenario.program;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.test.ApiClients;
import dev.scenariohub.platform.test.EventSchemas;
import dev.scenariohub.platform.test.EventTap;
import dev.scenariohub.platform.test.MutableClock;
import dev.scenariohub.platform.test.SharedInfrastructure;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.Fixtures;
import dev.scenariohub.scenario.ScenarioServiceIntegrationTest;
import dev.scenariohub.scenario.chronograph.ReservationReconciler;
import dev.scenariohub.scenario.scenario.Award;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import dev.scenariohub.scenario.scenario.ScenarioStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioServiceIntegrationTest
class ProgramApiTest {

	@Autowired
	ProgramRepository programs;

	Fixtures fixtures;

	@Autowired
	void bind(ApplicationContext context, MutableClock clock) {
		this.fixtures = new Fixtures(ApiClients.anonymous(context), clock);
	}

	@Test
	void anOfficerCreatesAProgramAndAnyoneReadsItsPools() {
		String id = this.fixtures.program("1000000.50", 5000);
		this.fixtures.anonymous()
			.get()
			.uri("/api/v1/programs/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.fundingBudget.total.amount")
			.isEqualTo("1000000.50")
			.jsonPath("$.fundingBudget.remaining.amount")
			.isEqualTo("1000000.50")
			.jsonPath("$.computeBudget.remaining")
			.isEqualTo(5000);

		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			ConsumerRecord<String, byte[]> created = tap
				.awaitRecord(EventTap.event("dev.scenariohub.program.created.v1", id), Duration.ofSeconds(20));
			EventSchemas.assertValid("dev.scenariohub.program.created.v1", created.value());
		}
	}

	@Test
	void aChangeNeedsTheCurrentVersionAndIsAnnounced() {
		String id = this.fixtures.program("1000.00", 10);
		this.fixtures.officer()
			.patch()
			.uri("/api/v1/programs/{id}", id)
			.bodyValue(Map.of("name", "Renamed"))
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		this.fixtures.officer()
			.patch()
			.uri("/api/v1/programs/{id}", id)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("name", "Renamed", "fundingBudget", Map.of("amount", "2000.00", "currency", "CNY")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fundingBudget.total.amount")
			.isEqualTo("2000.00");
		try (EventTap tap = EventTap.on(SharedInfrastructure.get().kafkaBootstrapServers(), "scenarios")) {
			EventSchemas.assertValid("dev.scenariohub.program.updated.v1",
					tap.awaitRecord(EventTap.event("dev.scenariohub.program.updated.v1", id), Duration.ofSeconds(20))
						.value());
		}
		this.fixtures.as("ent-1", "enterprise")
			.post()
			.uri("/api/v1/programs")
			.bodyValue(Map.of("name", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void concurrentReservationsNeverOverspendAPool() {
		String id = this.fixtures.program("1000.00", 1_000_000);
		int attempts = 25;
		List<Boolean> outcomes = Flux.range(0, attempts)
			.flatMap(i -> this.programs
				.modify(id, p -> p.reserve(new Reservation("scenario-" + i, "award-" + i, 100_00, 1)))
				.map(saved -> true)
				.onErrorResume(RuleViolation.class, refused -> Mono.just(false)), attempts)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(10);
		Program program = this.programs.findById(id).block();
		assertThat(program.state().funding().reserved()).isEqualTo(1000_00);
		assertThat(program.state().funding().available()).isZero();
		assertThat(program.state().reservations()).hasSize(10);
	}

	@Autowired
	ReservationReconciler reconciler;

	@Autowired
	MutableClock clock;

	@Test
	void aReservationNoAwardHoldsIsGivenBackAfterTheGracePeriod() {
		String id = this.fixtures.program("1000.00", 10);
		// an award attempt reserved, then the process died before the award was recorded
		this.programs
			.modify(id, p -> p.reserve(
					new Reservation(new ObjectId().toHexString(), "lost-attempt", 600_00, 5, this.clock.instant())))
			.block();
		assertThat(this.programs.findById(id).block().state().funding().available()).isEqualTo(400_00);

		this.reconciler.releaseOrphans().block();
		assertThat(this.programs.findById(id).block().state().reservations()).as("within the grace period").hasSize(1);

		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.releaseOrphans().block();
		Program program = this.programs.findById(id).block();
		assertThat(program.state().reservations()).isEmpty();
		assertThat(program.state().funding().available()).isEqualTo(1000_00);
	}

	@Autowired
	ScenarioRepository scenarios;

	@Test
	void aCancelledScenarioGivesItsReservationBackEvenWhenTheReleaseAfterTheCancelWasLost() {
		String programId = this.fixtures.program("1000.00", 10);
		String scenarioId = this.fixtures.draft(this.fixtures.scenarioBody(programId));
		this.programs
			.modify(programId,
					p -> p.reserve(new Reservation(scenarioId, "attempt-1", 600_00, 5, this.clock.instant())))
			.block();
		// the award held it, then the scenario was saved CANCELLED and the process died
		// before releasing
		Scenario loaded = this.scenarios.findById(scenarioId).block();
		Award held = new Award(List.of(new ObjectId().toHexString()), AwardStatus.PROPOSED, this.clock.instant(),
				this.clock.instant().plus(Duration.ofDays(3)), null, 600_00, 5, "attempt-1");
		this.scenarios
			.update(loaded.next(loaded.state().toBuilder().status(ScenarioStatus.CANCELLED).award(held).build()))
			.block();

		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.releaseOrphans().block();
		Program program = this.programs.findById(programId).block();
		assertThat(program.state().reservations()).isEmpty();
		assertThat(program.state().funding().available()).isEqualTo(1000_00);
	}

	@Test
	void badProgramsAreRefused() {
		this.fixtures.officer()
			.post()
			.uri("/api/v1/programs")
			.bodyValue(Map.of("name", "x", "authority", "y", "startsOn", "2026-05-01", "endsOn", "2026-01-01",
					"fundingBudget", Map.of("amount", "12.345", "currency", "CNY"), "computeBudget", -1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
	}

}
