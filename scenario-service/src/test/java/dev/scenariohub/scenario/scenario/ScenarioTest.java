package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	private static ScenarioDraft draft(Instant opensAt, Instant closesAt) {
		return new ScenarioDraft("Drone parcel lockers", Sector.LOW_ALTITUDE_ECONOMY, "Haizhu Post",
				"Last-mile delivery by drone", "Payload 5 kg", List.of("drone-navigation"), List.of(),
				new Support(100_000_00L, 500, null, "Pazhou pier"), 1, opensAt, closesAt, "Asia/Shanghai");
	}

	@Test
	void aNewScenarioIsADraftAndAnnouncesNothing() {
		Scenario scenario = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(3600)), "officer-1", NOW);
		assertThat(scenario.status()).isEqualTo(ScenarioStatus.DRAFT);
		assertThat(scenario.newEvents()).isEmpty();
	}

	@Test
	void refusesAWindowThatClosesBeforeItOpens() {
		assertThatThrownBy(() -> Scenario.draft("s1", draft(NOW, NOW), "officer-1", NOW))
			.isInstanceOf(ScenarioRuleViolation.class)
			.hasMessageContaining("closesAt");
	}

	@Test
	void publishingOpensTheScenarioAndRaisesItsFullSnapshot() {
		Scenario open = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(3600)), "officer-1", NOW).publish(NOW);
		assertThat(open.status()).isEqualTo(ScenarioStatus.OPEN);
		assertThat(open.newEvents()).singleElement().satisfies(event -> {
			assertThat(event.type().value()).isEqualTo("dev.scenariohub.scenario.published.v1");
			ScenarioPublished published = (ScenarioPublished) event.payload();
			assertThat(published.support().funding().amount()).isEqualTo("100000.00");
			assertThat(published.publishedAt()).isEqualTo(NOW);
		});
	}

	@Test
	void cannotPublishTwice() {
		Scenario open = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(3600)), "officer-1", NOW).publish(NOW);
		assertThatThrownBy(() -> open.publish(NOW)).isInstanceOf(ScenarioRuleViolation.class)
			.satisfies(ex -> assertThat(((ScenarioRuleViolation) ex).currentStatus()).isEqualTo(ScenarioStatus.OPEN));
	}

	@Test
	void cannotPublishAfterTheWindowClosed() {
		Scenario draft = Scenario.draft("s1", draft(NOW, NOW.plusSeconds(60)), "officer-1", NOW);
		assertThatThrownBy(() -> draft.publish(NOW.plusSeconds(61))).isInstanceOf(ScenarioRuleViolation.class)
			.hasMessageContaining("closed");
	}
}
