package dev.scenariohub.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.preferences.Preferences;
import dev.scenariohub.notification.templates.Templates;
import dev.scenariohub.notification.webhook.Webhook;
import dev.scenariohub.notification.webhook.WebhookRepository;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.IncomingEvent;
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

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final JsonMapper json;

	private final Clock clock;

	public DeliveryPlanner(WebhookRepository webhooks, DeliveryRepository deliveries, JsonMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.json = json;
		this.clock = clock;
	}

	public Mono<Void> plan(IncomingEvent event, String family, String recipient, Preferences preferences,
			Templates.Text text) {
		Instant now = this.clock.instant();
		Flux<Delivery> hooks = !preferences.wants(family, "webhook") ? Flux.empty()
				: this.webhooks.ownedBy(recipient)
					.filter(w -> w.wants(event.type()))
					.map(w -> Delivery.pending(NotificationIds.of(event.id(), recipient, "webhook:" + w.id()),
							DeliveryChannel.WEBHOOK, recipient, w.id(),
							new Delivery.Content(event.id(), event.type(), family, null, structured(event)), now));
		Flux<Delivery> mail = preferences.email() == null || !preferences.wants(family, "email") ? Flux.empty()
				: Flux.just(Delivery.pending(NotificationIds.of(event.id(), recipient, "email"), DeliveryChannel.EMAIL,
						recipient, preferences.email(),
						new Delivery.Content(event.id(), event.type(), family, text.title(), text.body()), now));
		return Flux.concat(hooks, mail).concatMap(this.deliveries::enqueue).then();
	}

	/** A test event to one webhook. */
	public Mono<Boolean> ping(Webhook webhook) {
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		Map<String, Object> ping = new LinkedHashMap<>();
		ping.put("specversion", "1.0");
		ping.put("id", id);
		ping.put("type", PING.value());
		ping.put("source", "/notification-service");
		ping.put("subject", webhook.id());
		ping.put("time", now.toString());
		ping.put("datacontenttype", "application/json");
		ping.put("data", Map.of("webhookId", webhook.id()));
		return this.deliveries.enqueue(Delivery.pending(
				NotificationIds.of(id, webhook.owner(), "webhook:" + webhook.id()), DeliveryChannel.WEBHOOK,
				webhook.owner(), webhook.id(),
				new Delivery.Content(id, PING.value(), PING.family(), null, this.json.writeValueAsString(ping)), now));
	}

	public Flux<Delivery> deliveriesOf(String webhookId) {
		return this.deliveries.ofTarget(webhookId, 100);
	}

	/** The event as a CloudEvent in structured JSON mode. */
	private String structured(IncomingEvent event) {
		Map<String, Object> ce = new LinkedHashMap<>();
		ce.put("specversion", "1.0");
		ce.put("id", event.id());
		ce.put("type", event.type());
		ce.put("source", event.source());
		ce.put("subject", event.subject());
		ce.put("time", event.time().toString());
		ce.put("datacontenttype", "application/json");
		ce.put("sequence", event.sequence());
		ce.put("data", this.json.readTree(new String(event.data(), StandardCharsets.UTF_8)));
		return this.json.writeValueAsString(ce);
	}

}
