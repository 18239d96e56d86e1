package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.time.LocalDate;

import dev.scenariohub.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramTest {

	static Program program(long fundingFen, long gpuHours) {
		return Program.of(
				Program
					.create("p1",
							new ProgramDraft("Haizhu AI+ Scenarios 2026", "Haizhu AI Bureau", null,
									LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), fundingFen, gpuHours),
							"officer-1", Instant.EPOCH)
					.state(),
				1);
	}

	@Test
	void reservationsComeOutOfBothPools() {
		Program reserved = program(1_000_00, 100).reserve(new Reservation("s1", "award-s1", 400_00, 30));
		assertThat(reserved.state().funding().available()).isEqualTo(600_00);
		assertThat(reserved.state().compute().available()).isEqualTo(70);
	}

	@Test
	void aPoolNeverGoesBelowZeroAndARefusalReservesNothing() {
		Program program = program(1_000_00, 100).reserve(new Reservation("s1", "award-s1", 900_00, 10));
		assertThatThrownBy(() -> program.reserve(new Reservation("s2", "award-s2", 200_00, 10)))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("funding");
		assertThatThrownBy(() -> program.reserve(new Reservation("s2", "award-s2", 0, 91)))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("compute");
		assertThat(program.state().funding().reserved()).isEqualTo(900_00);
		assertThat(program.state().compute().reserved()).isEqualTo(10);
	}

	@Test
	void reservingTwiceForOneScenarioHoldsOnlyOnce() {
		Program once = program(1_000_00, 100).reserve(new Reservation("s1", "award-s1", 400_00, 30));
		assertThat(once.reserve(new Reservation("s1", "award-s1", 400_00, 30))).isSameAs(once);
	}

	@Test
	void anotherAwardOfAScenarioThatHoldsAReservationIsRefused() {
		Program once = program(1_000_00, 100).reserve(new Reservation("s1", "award-a", 400_00, 30));
		assertThatThrownBy(() -> once.reserve(new Reservation("s1", "award-b", 400_00, 30)))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("already holds");
		assertThat(once.release("s1", "award-b")).as("a failed attempt cannot release another's").isSameAs(once);
	}

	@Test
	void releasingGivesTheReservationBackOnce() {
		Program released = program(1_000_00, 100).reserve(new Reservation("s1", "award-s1", 400_00, 30)).release("s1");
		assertThat(released.state().funding().available()).isEqualTo(1_000_00);
		assertThat(released.release("s1")).isSameAs(released);
	}

	@Test
	void aPoolCannotShrinkBelowWhatIsReserved() {
		Program reserved = program(1_000_00, 100).reserve(new Reservation("s1", "award-s1", 400_00, 30));
		assertThatThrownBy(() -> reserved.change(new ProgramDraft(null, null, null, null, null, 300_00L, null), "o"))
			.isInstanceOf(RuleViolation.class);
		assertThat(reserved.change(new ProgramDraft(null, null, null, null, null, 500_00L, null), "o")
			.state()
			.funding()
			.available()).isEqualTo(100_00);
	}

}
