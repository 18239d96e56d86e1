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
 * A round of work repeated at a fixed interval while the application runs: the outbox
 * sweep, the chronograph, the delivery dispatcher. Rounds never overlap (a slow round
 * delays the next one); a failed round is logged and the next round retries. During a
 * long outage the log gets the first failure with its stack trace, then one line per
 * {@link #REPEAT_LOG_INTERVAL}, then one line when rounds succeed again. A zero or
 * negative interval disables the task (tests drive rounds themselves).
 */
public final class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	static final Duration REPEAT_LOG_INTERVAL = Duration.ofMinutes(1);

	private final String name;

	private final Duration interval;

	private final Supplier<Mono<Long>> round;

	private volatile Disposable running;

	private final ThrottledLog failures;

	/**
	 * @param name what the task is, for the log
	 * @param interval time between the starts of two rounds
	 * @param round one round; completes with how many things it did
	 */
	public PeriodicTask(String name, Duration interval, Supplier<Mono<Long>> round) {
		this.name = Objects.requireNonNull(name);
		this.interval = Objects.requireNonNull(interval);
		this.round = Objects.requireNonNull(round);
		this.failures = new ThrottledLog(log, name, REPEAT_LOG_INTERVAL);
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

	private void succeeded(Long done) {
		this.failures.succeeded();
		if (done != null && done > 0) {
			log.debug("{}: {} done", this.name, done);
		}
	}

	private void failed(Throwable error) {
		this.failures.failed("a round failed; the next round retries", error);
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
