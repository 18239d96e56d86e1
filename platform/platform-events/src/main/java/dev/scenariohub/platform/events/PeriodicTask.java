package dev.scenariohub.platform.events;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A round of work repeated at a fixed interval while the application runs: the outbox sweep, the
 * chronograph, the delivery dispatcher. Rounds never overlap (a slow round delays the next one);
 * a failed round is logged and the next round retries. During a long outage the log gets the
 * first failure with its stack trace, then one line per {@link #REPEAT_LOG_INTERVAL}, then one line
 * when rounds succeed again. A zero or negative interval disables the task (tests drive rounds
 * themselves).
 */
public final class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	static final Duration REPEAT_LOG_INTERVAL = Duration.ofMinutes(1);

	private final String name;

	private final Duration interval;

	private final Supplier<Mono<Long>> round;

	private volatile Disposable running;

	private long failedRounds;

	private long lastFailureLoggedAt;

	/**
	 * @param name     what the task is, for the log
	 * @param interval time between the starts of two rounds
	 * @param round    one round; completes with how many things it did
	 */
	public PeriodicTask(String name, Duration interval, Supplier<Mono<Long>> round) {
		this.name = Objects.requireNonNull(name);
		this.interval = Objects.requireNonNull(interval);
		this.round = Objects.requireNonNull(round);
	}

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			log.info("{}: disabled (interval {})", this.name, this.interval);
			return;
		}
		this.running = Flux.interval(this.interval, this.interval, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> Mono.defer(this.round).doOnSuccess(this::succeeded).onErrorResume(error -> {
				failed(error);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	private synchronized void succeeded(Long done) {
		if (this.failedRounds > 0) {
			log.info("{}: working again after {} failed round(s)", this.name, this.failedRounds);
			this.failedRounds = 0;
		}
		if (done != null && done > 0) {
			log.debug("{}: {} done", this.name, done);
		}
	}

	private synchronized void failed(Throwable error) {
		this.failedRounds++;
		long now = System.nanoTime();
		if (this.failedRounds == 1) {
			log.warn("{}: a round failed; the next round retries", this.name, error);
			this.lastFailureLoggedAt = now;
		}
		else if (now - this.lastFailureLoggedAt >= REPEAT_LOG_INTERVAL.toNanos()) {
			log.warn("{}: still failing, {} round(s) in a row: {}", this.name, this.failedRounds, error.toString());
			this.lastFailureLoggedAt = now;
		}
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}
}
