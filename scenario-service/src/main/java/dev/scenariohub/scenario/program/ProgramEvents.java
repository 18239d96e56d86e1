package dev.scenariohub.scenario.program;

import java.time.LocalDate;

import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.PendingEvent;
import dev.scenariohub.platform.web.Money;

/**
 * {@code dev.scenariohub.program.created.v1} and {@code .updated.v1}: the program's
 * snapshot.
 */
public final class ProgramEvents {

	public static final EventType CREATED = EventType.of("program", "created", 1);

	public static final EventType UPDATED = EventType.of("program", "updated", 1);

	private ProgramEvents() {
	}

	/** The payload of both events. */
	public record ProgramSnapshot(String programId, String name, String authority, String description,
			LocalDate startsOn, LocalDate endsOn, Money fundingBudget, long computeBudgetGpuHours) {
	}

	static PendingEvent created(ProgramState s, String actor) {
		return new PendingEvent(CREATED, snapshot(s), actor);
	}

	static PendingEvent updated(ProgramState s, String actor) {
		return new PendingEvent(UPDATED, snapshot(s), actor);
	}

	private static ProgramSnapshot snapshot(ProgramState s) {
		return new ProgramSnapshot(s.id(), s.name(), s.authority(), s.description(), s.startsOn(), s.endsOn(),
				Money.ofMinor(s.fundingTotalFen()), s.computeTotalGpuHours());
	}

}
