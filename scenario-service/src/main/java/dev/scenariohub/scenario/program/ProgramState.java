package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The stored state of a program. */
public record ProgramState(String id, String name, String authority, String description, LocalDate startsOn,
		LocalDate endsOn, BudgetPool funding, BudgetPool compute, List<Reservation> reservations, String createdBy,
		Instant createdAt) {
}
