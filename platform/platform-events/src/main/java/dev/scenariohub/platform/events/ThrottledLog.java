package dev.scenariohub.platform.events;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * Warnings about one ongoing trouble (a broker outage, a failing round) without flooding
 * the log: the first occurrence with its stack trace, then at most one line per interval
 * saying how many were held back, then one line when it is over.
 */
public final class ThrottledLog {

	private final Logger log;

	private final String what;

	private final long intervalNanos;

	private long failures;

	private long heldBack;

	private long lastLoggedAt;

	/**
	 * @param what the trouble's subject, e.g. "outbox relay of scenarios"
	 */
	public ThrottledLog(Logger log, String what, Duration interval) {
		this.log = log;
		this.what = what;
		this.intervalNanos = interval.toNanos();
	}

	public synchronized void failed(String message, Throwable error) {
		this.failures++;
		long now = System.nanoTime();
		if (this.failures == 1) {
			this.log.warn("{}: {}", this.what, message, error);
			this.lastLoggedAt = now;
		}
		else if (now - this.lastLoggedAt >= this.intervalNanos) {
			this.log.warn("{}: {} ({} more like it since the last line, {} in a row): {}", this.what, message,
					this.heldBack, this.failures, error.toString());
			this.lastLoggedAt = now;
			this.heldBack = 0;
		}
		else {
			this.heldBack++;
		}
	}

	public synchronized void succeeded() {
		if (this.failures > 0) {
			this.log.info("{}: working again after {} failure(s)", this.what, this.failures);
			this.failures = 0;
			this.heldBack = 0;
		}
	}

}
