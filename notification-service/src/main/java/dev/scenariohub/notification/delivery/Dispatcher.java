package dev.scenariohub.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scenariohub.platform.events.TraceContexts;
import dev.scenariohub.platform.events.Versioned;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends what is due, apart from event consumption, through the {@link ChannelSender} of
 * each delivery's channel. Each attempt first claims the delivery (a version-conditioned
 * write), so replicas never send one attempt twice. Failures are retried with exponential
 * back-off and jitter; after {@code max-attempts} the delivery is FAILED and
 * {@code notification.failed} is announced. The application runs
 * {@link #dispatchDue(DeliveryChannel)} as a periodic task per channel.
 */
@Component
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	static final Duration CLAIM = Duration.ofSeconds(60);

	/**
	 * Well inside the claim, so no other replica takes a delivery over while it is being
	 * sent.
	 */
	static final Duration ATTEMPT_TIMEOUT = CLAIM.dividedBy(2);

	static final Duration RETRY_WHEN_NOT_TRIED = Duration.ofSeconds(5);

	/** Attempts in flight to one target at most, whatever the channel allows. */
	static final int PER_TARGET = 4;

	/** Due deliveries looked at per round, to find ones whose target has room. */
	static final int CANDIDATES = 200;

	private final DeliveryRepository deliveries;

	private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);

	private final Map<DeliveryChannel, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> inFlightPerTarget = new ConcurrentHashMap<>();

	private final Clock clock;

	private final IntervalFunction backoff;

	private final int maxAttempts;

	private final MeterRegistry meters;

	private final TraceContexts traces;

	private static final List<String> OUTCOMES = List.of("delivered", "retry", "failed", "deferred");

	public Dispatcher(DeliveryRepository deliveries, List<ChannelSender> senders, Clock clock, MeterRegistry meters,
			TraceContexts traces, @Value("${notifications.delivery.max-attempts:8}") int maxAttempts,
			@Value("${notifications.delivery.initial-backoff:PT1S}") Duration initialBackoff) {
		this.deliveries = deliveries;
		this.traces = traces;
		this.meters = meters;
		for (DeliveryChannel channel : DeliveryChannel.values()) {
			for (String outcome : OUTCOMES) {
				attempts(channel, outcome);
			}
		}
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
		this.clock = clock;
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5);
		this.maxAttempts = maxAttempts;
	}

	/**
	 * One round over what is due on one channel: claims what there is room for and starts
	 * sending it, without waiting for the sends; completes with how many attempts it
	 * started. Each channel has its own rounds and its own limit of attempts in flight,
	 * and each target (a webhook, an e-mail address) at most {@link #PER_TARGET} of them,
	 * so a hung SMTP server or webhook receiver holds up neither the other channel nor
	 * other receivers. An attempt that outlives half its claim counts as failed.
	 */
	public Mono<Long> dispatchDue(DeliveryChannel channel) {
		Instant now = this.clock.instant();
		ChannelSender sender = this.senders.get(channel);
		AtomicInteger busy = this.inFlight.computeIfAbsent(channel, c -> new AtomicInteger());
		int free = (sender == null ? 1 : sender.concurrency()) - busy.get();
		if (free <= 0) {
			return Mono.just(0L);
		}
		Map<String, Integer> pickedPerTarget = new HashMap<>();
		return this.deliveries.due(channel, now, CANDIDATES)
			.filter(due -> pickedPerTarget.merge(due.state().target(), 1, Integer::sum)
					+ busyFor(due.state().target()) <= PER_TARGET)
			.take(free)
			.concatMap(due -> claim(due, now))
			.doOnNext(claimed -> start(claimed, busy))
			.count();
	}

	private int busyFor(String target) {
		AtomicInteger count = this.inFlightPerTarget.get(target);
		return count == null ? 0 : count.get();
	}

	private void start(Versioned<Delivery> claimed, AtomicInteger busy) {
		String target = claimed.state().target();
		busy.incrementAndGet();
		this.inFlightPerTarget.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
		attempt(claimed).doFinally(signal -> {
			busy.decrementAndGet();
			this.inFlightPerTarget.computeIfPresent(target, (t, count) -> count.decrementAndGet() <= 0 ? null : count);
		})
			.subscribe(null, error -> log.warn(
					"The outcome of delivery {} could not be saved; it is tried again when " + "its claim runs out: {}",
					claimed.state().id(), error.toString()));
	}

	private Mono<Versioned<Delivery>> claim(Versioned<Delivery> due, Instant now) {
		Delivery claimed = due.state()
			.attempted(DeliveryStatus.PENDING, due.state().attempts(), now.plus(CLAIM), due.state().lastError(), null);
		return this.deliveries.save(due, claimed)
			.map(version -> new Versioned<>(claimed, version))
			.onErrorResume(OptimisticLockingFailureException.class, taken -> Mono.empty());
	}

	private Mono<Long> attempt(Versioned<Delivery> claimed) {
		Delivery d = claimed.state();
		ChannelSender sender = this.senders.get(d.channel());
		// each attempt is a span of the trace that planned the delivery; the outcome
		// event continues it
		TraceContexts.Started span = this.traces.start(d.eventType() + " deliver", Span.Kind.CLIENT, d.trace());
		Mono<Void> send = (sender == null
				? Mono.<Void>error(new IllegalStateException("no sender for channel " + d.channel()))
				: Mono.defer(() -> sender.send(d, span.headers())))
			.doOnEach(signal -> {
				if (signal.isOnComplete() || signal.isOnError()) {
					span.end(signal.getThrowable());
				}
			})
			.doOnCancel(() -> span.end(null));
		return send
			.then(Mono.fromCallable(
					() -> d.attempted(DeliveryStatus.DELIVERED, d.attempts() + 1, null, null, this.clock.instant())))
			.onErrorResume(ChannelSender.TryLater.class,
					later -> Mono.just(d.attempted(DeliveryStatus.PENDING, d.attempts(),
							this.clock.instant().plus(RETRY_WHEN_NOT_TRIED), later.getMessage(), null)))
			.onErrorResume(error -> Mono.just(failedAttempt(d, error)))
			.doOnNext(outcome -> count(d, outcome))
			.flatMap(outcome -> this.deliveries.save(claimed, outcome, span.headers()));
	}

	/**
	 * {@code scenariohub_delivery_attempts_total{channel, outcome}}: delivered, retry
	 * (failed, tried again later), failed (given up) or deferred (not tried: circuit
	 * open).
	 */
	private void count(Delivery before, Delivery outcome) {
		String result = switch (outcome.status()) {
			case DELIVERED -> "delivered";
			case FAILED -> "failed";
			default -> outcome.attempts() > before.attempts() ? "retry" : "deferred";
		};
		attempts(before.channel(), result).increment();
	}

	private Counter attempts(DeliveryChannel channel, String outcome) {
		return Counter.builder("scenariohub.delivery.attempts")
			.description("Webhook and e-mail delivery attempts by outcome")
			.tag("channel", channel.name().toLowerCase())
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private Delivery failedAttempt(Delivery d, Throwable error) {
		int attempts = d.attempts() + 1;
		String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
		if (attempts >= this.maxAttempts) {
			log.warn("Delivery {} over {} to {} FAILED after {} attempts: {}", d.id(), d.channel(), d.target(),
					attempts, reason);
			return d.attempted(DeliveryStatus.FAILED, attempts, null, reason, this.clock.instant());
		}
		Instant next = this.clock.instant().plusMillis(this.backoff.apply(attempts));
		return d.attempted(DeliveryStatus.PENDING, attempts, next, reason, null);
	}

}
