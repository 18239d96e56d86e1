package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.scenariohub.notification.webhook.Signature;
import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.notification.webhook.WebhookTargets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Posts a delivery to its webhook, signed per Standard Webhooks ({@code webhook-id} is
 * the delivery's id on every attempt), only to addresses {@link WebhookTargets} allows,
 * checked as the connection is made, and following no redirect. Each webhook has its own
 * circuit breaker, so a dead receiver costs one short-circuited check per due delivery
 * instead of a timeout. The call carries the attempt's W3C {@code traceparent}, so a
 * receiver can continue the trace of what caused the delivery.
 */
@Component
public class WebhookSender implements ChannelSender {

	/**
	 * The CloudEvents HTTP binding's structured mode: the body is the whole event in the
	 * JSON format.
	 */
	static final MediaType CLOUDEVENT_JSON = new MediaType("application", "cloudevents+json", StandardCharsets.UTF_8);

	private final WebhookRepository webhooks;

	private final Clock clock;

	private final WebClient http;

	private final Duration timeout;

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(5)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(30))
		.build());

	public WebhookSender(WebhookRepository webhooks, WebhookTargets targets, Clock clock,
			@Value("${notifications.webhook.timeout:PT10S}") Duration timeout) {
		this.webhooks = webhooks;
		this.clock = clock;
		// its own connections, each to an address vetted when it was made; no redirects
		HttpClient client = HttpClient.create(ConnectionProvider.create("webhooks", 256))
			.resolver(targets.resolver())
			.followRedirect(false);
		this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
		this.timeout = timeout;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.WEBHOOK;
	}

	@Override
	public int concurrency() {
		return 32;
	}

	@Override
	public Mono<Void> send(Delivery d, Map<String, String> trace) {
		return this.webhooks.findById(d.target())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the webhook was deleted")))
			.flatMap(webhook -> {
				CircuitBreaker breaker = this.breakers.circuitBreaker(webhook.id());
				if (!breaker.tryAcquirePermission()) {
					return Mono.error(new TryLater("circuit open"));
				}
				long timestamp = this.clock.instant().getEpochSecond();
				long started = System.nanoTime();
				return this.http.post()
					.uri(webhook.url())
					.headers(headers -> trace.forEach(headers::set))
					.contentType(CLOUDEVENT_JSON)
					.header("webhook-id", d.id())
					.header("webhook-timestamp", Long.toString(timestamp))
					.header("webhook-signature", Signature.sign(webhook.secret(), d.id(), timestamp, d.body()))
					.bodyValue(d.body().getBytes(StandardCharsets.UTF_8))
					.retrieve()
					// only a 2xx is a delivery: a redirect is not followed and not a
					// success
					.onStatus(status -> !status.is2xxSuccessful(), ClientResponse::createException)
					.toBodilessEntity()
					.timeout(this.timeout)
					.doOnSuccess(ok -> breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS))
					.doOnError(error -> breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, error))
					.then();
			});
	}

}
