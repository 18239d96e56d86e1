package dev.scenariohub.platform.events;

import java.time.Duration;

import org.springframework.dao.OptimisticLockingFailureException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * How a load-change-save is started again when another save of the same aggregate came
 * first: a few quick retries with back-off and jitter, then the conflict goes to the
 * caller (409).
 */
public final class ConflictRetry {

	private ConflictRetry() {
	}

	public static RetryBackoffSpec spec() {
		return Retry.backoff(20, Duration.ofMillis(5))
			.maxBackoff(Duration.ofMillis(200))
			.filter(OptimisticLockingFailureException.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

}
