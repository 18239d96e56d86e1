package dev.scenariohub.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.preferences.Preferences;
import dev.scenariohub.notification.templates.Templates;
import dev.scenariohub.notification.webhook.Webhook;
import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.IncomingEvent;
import dev.scenariohub.platform.events.Sequences;
import dev.scenariohub.platform.events.TraceContexts;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns "tell this recipient of this event" into webhook and e-mail deliveries, per the
 * recipient's preferences; the dispatcher sends them.
 */
@Component
public class DeliveryPlanner {

	/** The test event a webhook's owner can ask for. */
	static final EventType PING = EventType.of("webhook", "ping", 1);

	private static final URI SOURCE = URI.create("/notification-service");

	/**
	 * The CloudEvents JSON format: JSON data is written inline as {@code data}, as the
	 * HTTP binding's structured mode expects.
	 */
	private static final EventFormat FORMAT = new JsonFormat();

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final JsonMapper json;

	private final Clock clock;

	private final TraceContexts traces;

	public DeliveryPlanner(WebhookRepository webhooks, DeliveryRepository deliveries, JsonMapper json, Clock clock,
			TraceContexts traces) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.json = json;
		this.clock = clock;
		this.traces = traces;
	}

	public Mono<Void> plan(IncomingEvent event, String family, String recipient, Preferences preferences,
			Templates.Text text) {
		Instant now = this.clock.instant();
		// the trace of the record being consumed: each delivery's attempts continue it
		Map<String, String> trace = this.traces.current();
		Flux<Delivery> hooks = !preferences.wants(family, "webhook") ? Flux.empty() : this.webhooks.ownedBy(recipient)
			.filter(w -> w.wants(event.type()))
			.map(w -> Delivery.pending(NotificationIds.of(event.id(), recipient, "webhook:" + w.id()),
					DeliveryChannel.WEBHOOK, recipient, w.id(),
					new Delivery.Content(event.id(), event.type(), family, null, structured(event)), now, trace));
		Flux<Delivery> mail = !preferences.emailConfirmed() || !preferences.wants(family, "email") ? Flux.empty()
				: Flux.just(Delivery.pending(NotificationIds.of(event.id(), recipient, "email"), DeliveryChannel.EMAIL,
						recipient, preferences.email(),
						new Delivery.Content(event.id(), event.type(), family, text.title(), text.body()), now, trace));
		return Flux.concat(hooks, mail).concatMap(this.deliveries::enqueue).then();
	}

	/** A test event to one webhook. */
	public Mono<Boolean> ping(Webhook webhook) {
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		CloudEvent ping = CloudEventBuilder.v1()
			.withId(id)
			.withType(PING.value())
			.withSource(SOURCE)
			.withSubject(webhook.id())
			.withTime(now.atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(this.json.writeValueAsBytes(Map.of("webhookId", webhook.id())))
			.build();
		return this.deliveries
			.enqueue(Delivery.pending(NotificationIds.of(id, webhook.owner(), "webhook:" + webhook.id()),
					DeliveryChannel.WEBHOOK, webhook.owner(), webhook.id(),
					new Delivery.Content(id, PING.value(), PING.family(), null, structured(ping)), now,
					this.traces.current()));
	}

	public Flux<Delivery> deliveriesOf(String webhookId) {
		return this.deliveries.ofTarget(webhookId, 100);
	}

	/** The event as a CloudEvent in structured JSON mode, as it arrived. */
	private static String structured(IncomingEvent event) {
		return structured(CloudEventBuilder.v1()
			.withId(event.id())
			.withType(event.type())
			.withSource(URI.create(event.source()))
			.withSubject(event.subject())
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withExtension("sequence", Sequences.format(event.sequence()))
			.withData(event.data())
			.build());
	}

	private static String structured(CloudEvent event) {
		return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
	}

}
