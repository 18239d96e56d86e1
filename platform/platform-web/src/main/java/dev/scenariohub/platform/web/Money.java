package dev.scenariohub.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Money on the wire: {@code {"amount": "1234.50", "currency": "CNY"}} — the amount a
 * decimal string with at most two decimals, never a float. Stored as integer minor units
 * (fen).
 */
public record Money(@NotNull @Pattern(regexp = "\\d{1,13}(\\.\\d{1,2})?",
		message = "must be a non-negative decimal string with at most 2 decimals, e.g. \"1234.50\"") String amount,
		@NotNull @Pattern(regexp = "CNY", message = "must be CNY") String currency) {

	public static final String CNY = "CNY";

	public static Money ofMinor(long minorUnits) {
		return new Money(BigDecimal.valueOf(minorUnits, 2).toPlainString(), CNY);
	}

	/** The amount in minor units; call only on validated values. */
	public long toMinor() {
		return new BigDecimal(this.amount).setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
	}
}
