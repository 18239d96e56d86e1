package dev.scenariohub.scenario.program;

import java.time.Instant;
import java.time.LocalDate;

import dev.scenariohub.platform.web.Money;

/** A program as the API shows it, with total, reserved and remaining for both pools. */
public record ProgramView(String id, String name, String authority, String description, LocalDate startsOn,
		LocalDate endsOn, FundingPool fundingBudget, ComputePool computeBudget, Instant createdAt, long version) {

	/** The funding pool in money. */
	public record FundingPool(Money total, Money reserved, Money remaining) {
	}

	/** The compute pool in GPU-hours. */
	public record ComputePool(long total, long reserved, long remaining) {
	}

	static ProgramView of(ProgramState s, long version) {
		BudgetPool f = s.funding();
		BudgetPool c = s.compute();
		return new ProgramView(s.id(), s.name(), s.authority(), s.description(), s.startsOn(), s.endsOn(),
				new FundingPool(Money.ofMinor(f.total()), Money.ofMinor(f.reserved()), Money.ofMinor(f.available())),
				new ComputePool(c.total(), c.reserved(), c.available()), s.createdAt(), version);
	}
}
