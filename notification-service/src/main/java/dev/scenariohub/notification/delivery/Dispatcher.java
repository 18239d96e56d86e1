package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.scenariohub.notification.webhook.Signature;
import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.platform.events.Versioned;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends pending deliveries, off the event loop and apart from event consumption, so a dead
 * webhook or SMTP server never holds anything else up. Each attempt first claims the delivery
 * (a version-conditioned write), so replicas never send one attempt twice. Failures are retried
 * with exponential back-off and jitter; after {@code max-attempts} the delivery is FAILED and
 * {@code notification.failed} is announced. Each webhook has its own circuit breaker.
 */
@Component
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	static final Duration CLAIM = Duration.ofSeconds(60);

	private final DeliveryRepository deliveries;

	private final WebhookRepository webhooks;

	private final ObjectProvider<JavaMailSender> mail;

	private final UnsubscribeLinks unsubscribe;

	private final Clock clock;

	private final WebClient http;

	private final IntervalFunction backoff;

	private final int maxAttempts;

	private final Duration interval;

	private final String from;

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(5)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(30))
		.build());

	private volatile Disposable running;

	public Dispatcher(DeliveryRepository deliveries, WebhookRepository webhooks, ObjectProvider<JavaMailSender> mail,
			UnsubscribeLinks unsubscribe, Clock clock,
			@Value("${notifications.delivery.max-attempts:8}") int maxAttempts,
			@Value("${notifications.delivery.initial-backoff:PT1S}") Duration initialBackoff,
			@Value("${notifications.delivery.interval:PT0.2S}") Duration interval,
			@Value("${notifications.mail.from:noreply@scenariohub.dev}") String from) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.mail = mail;
		this.unsubscribe = unsubscribe;
		this.clock = clock;
		this.http = WebClient.builder().build();
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5);
		this.maxAttempts = maxAttempts;
		this.interval = interval;
		this.from = from;
	}

	/** One round over what is due; completes with how many attempts were made. */
	public Mono<Long> dispatchDue() {
		Instant now = this.clock.instant();
		return this.deliveries.due(now, 50)
			.flatMap(due -> claim(due, now).flatMap(this::attempt), 8)
			.count();
	}

	private Mono<Versioned<Delivery>> claim(Versioned<Delivery> due, Instant now) {
		Delivery claimed = due.state().attempted(DeliveryStatus.PENDING, due.state().attempts(), now.plus(CLAIM),
				due.state().lastError(), null);
		return this.deliveries.save(due, claimed)
			.map(version -> new Versioned<>(claimed, version))
			.onErrorResume(OptimisticLockingFailureException.class, taken -> Mono.empty());
	}

	private Mono<Long> attempt(Versioned<Delivery> claimed) {
		Delivery d = claimed.state();
		Mono<Void> send = d.channel() == DeliveryChannel.WEBHOOK ? sendWebhook(d) : sendMail(d);
		return send.then(Mono.fromCallable(() -> d.attempted(DeliveryStatus.DELIVERED, d.attempts() + 1, null, null,
				this.clock.instant())))
			.onErrorResume(BreakerOpen.class, open -> Mono.just(d.attempted(DeliveryStatus.PENDING, d.attempts(),
					this.clock.instant().plus(Duration.ofSeconds(5)), "circuit open", null)))
			.onErrorResume(error -> Mono.just(failedAttempt(d, error)))
			.flatMap(outcome -> this.deliveries.save(claimed, outcome));
	}

	private Delivery failedAttempt(Delivery d, Throwable error) {
		int attempts = d.attempts() + 1;
		String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
		if (attempts >= this.maxAttempts) {
			log.warn("Delivery {} over {} to {} FAILED after {} attempts: {}", d.id(), d.channel(), d.target(), attempts, reason);
			return d.attempted(DeliveryStatus.FAILED, attempts, null, reason, this.clock.instant());
		}
		Instant next = this.clock.instant().plusMillis(this.backoff.apply(attempts));
		return d.attempted(DeliveryStatus.PENDING, attempts, next, reason, null);
	}

	private Mono<Void> sendWebhook(Delivery d) {
		return this.webhooks.findById(d.target())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the webhook was deleted")))
			.flatMap(webhook -> {
				CircuitBreaker breaker = this.breakers.circuitBreaker(webhook.id());
				if (!breaker.tryAcquirePermission()) {
					return Mono.error(new BreakerOpen());
				}
				long timestamp = this.clock.instant().getEpochSecond();
				long started = System.nanoTime();
				return this.http.post()
					.uri(webhook.url())
					.contentType(MediaType.APPLICATION_JSON)
					.header("webhook-id", d.id())
					.header("webhook-timestamp", Long.toString(timestamp))
					.header("webhook-signature", Signature.sign(webhook.secret(), d.id(), timestamp, d.body()))
					.bodyValue(d.body().getBytes(StandardCharsets.UTF_8))
					.retrieve()
					.toBodilessEntity()
					.timeout(Duration.ofSeconds(10))
					.doOnSuccess(ok -> breaker.onSuccess(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS))
					.doOnError(error -> breaker.onError(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS, error))
					.then();
			});
	}

	private Mono<Void> sendMail(Delivery d) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Mono.error(new IllegalStateException("no SMTP server is configured (spring.mail.host)"));
		}
		return Mono.fromRunnable(() -> {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
				helper.setFrom(this.from);
				helper.setTo(d.target());
				helper.setSubject(d.subject());
				String link = this.unsubscribe.link(d.recipient(), d.family());
				helper.setText(d.body() + "\n\n—\nUnsubscribe / 退订: " + link);
				message.setHeader("List-Unsubscribe", "<" + link + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				sender.send(message);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.running = Flux.interval(this.interval, this.interval, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> dispatchDue().onErrorResume(error -> {
				log.warn("Dispatch round failed; the next round retries: {}", error.toString());
				return Mono.just(0L);
			}), 1)
			.subscribe();
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

	/** The webhook's circuit is open: try later, without counting an attempt. */
	static final class BreakerOpen extends RuntimeException {

		BreakerOpen() {
			super("circuit open", null, false, false);
		}
	}
}
