package dev.scenariohub.platform.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the documents of one collection are kept: a document goes once the instant in
 * {@code timeField} is older than {@code keep}. Documents without that field (a delivery
 * still pending, say) are kept. The field needs an index.
 */
public record RetentionRule(String collection, String timeField, Duration keep) {

	public RetentionRule {
		Objects.requireNonNull(collection);
		Objects.requireNonNull(timeField);
		if (keep == null || keep.isNegative() || keep.isZero()) {
			throw new IllegalArgumentException("retention of " + collection + " must be positive, was " + keep);
		}
	}

}
