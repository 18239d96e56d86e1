package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored state of a program: its pool totals and the reservations held against them
 * (what is reserved and what remains follow from those).
 */
public record ProgramState(String id, String name, String authority, String description, LocalDate startsOn,
		LocalDate endsOn, long fundingTotalFen, long computeTotalGpuHours, List<Reservation> reservations,
		String createdBy, Instant createdAt) {

	public ProgramState {
		reservations = reservations == null ? List.of() : List.copyOf(reservations);
	}

	/** The funding pool in fen. */
	public BudgetPool funding() {
		return new BudgetPool(this.fundingTotalFen,
				this.reservations.stream().mapToLong(Reservation::fundingFen).sum());
	}

	/** The compute pool in GPU-hours. */
	public BudgetPool compute() {
		return new BudgetPool(this.computeTotalGpuHours,
				this.reservations.stream().mapToLong(Reservation::computeGpuHours).sum());
	}
}
