package dev.scenariohub.scenario.program;

import java.util.Map;

import dev.scenariohub.platform.web.RuleViolation;

/**
 * A budget pool of a program: a total and what awards have reserved from it. It never
 * goes below zero: a reservation larger than what is available is refused, and the total
 * cannot shrink below what is reserved.
 *
 * @param total the pool (fen for funding, GPU-hours for compute)
 * @param reserved what provisional and final awards hold
 */
public record BudgetPool(long total, long reserved) {

	public BudgetPool {
		if (total < 0 || reserved < 0 || reserved > total) {
			throw new IllegalArgumentException("a pool needs 0 <= reserved <= total");
		}
	}

	public long available() {
		return this.total - this.reserved;
	}

	public BudgetPool reserve(long amount, String pool) {
		if (amount < 0) {
			throw new IllegalArgumentException("cannot reserve a negative amount");
		}
		if (amount > available()) {
			throw new RuleViolation("budget-exhausted",
					"the " + pool + " pool has " + available() + " available, " + amount + " is needed",
					Map.of("pool", pool, "available", available(), "needed", amount));
		}
		return new BudgetPool(this.total, this.reserved + amount);
	}

	/** A new total; refused below what is already reserved. */
	public BudgetPool resize(long newTotal, String pool) {
		if (newTotal < this.reserved) {
			throw new RuleViolation("budget-below-reserved", "the " + pool + " pool cannot shrink to " + newTotal + ": "
					+ this.reserved + " is already reserved");
		}
		return new BudgetPool(newTotal, this.reserved);
	}
}
