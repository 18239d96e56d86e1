package dev.scenariohub.notification.events;

import dev.scenariohub.notification.templates.Templates;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

import dev.scenariohub.notification.inbox.NotificationRepository;
import dev.scenariohub.notification.inbox.Notification;
import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.delivery.DeliveryPlanner;
import dev.scenariohub.notification.preferences.PreferencesRepository;
import dev.scenariohub.platform.events.IncomingEvent;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells each recipient once per event: the notification's id is derived from (event id,
 * recipient, channel), so a repeated event stores nothing new.
 */
@Component
public class Notifier {

	static final String INBOX = "inbox";

	private final NotificationRepository inbox;

	private final PreferencesRepository preferences;

	private final DeliveryPlanner deliveries;

	private final Clock clock;

	public Notifier(NotificationRepository inbox, PreferencesRepository preferences, DeliveryPlanner deliveries, Clock clock) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/** @return how many new notifications were stored */
	public Mono<Long> tell(IncomingEvent event, Collection<String> recipients, Map<String, String> params, String link) {
		String family = Templates.familyOf(event.type());
		return Flux.fromIterable(new LinkedHashSet<>(recipients))
			.filter(recipient -> recipient != null && !recipient.isBlank())
			.flatMap(recipient -> this.preferences.of(recipient).flatMap(p -> {
				Templates.Text text = Templates.render(family, p.locale(), params);
				Mono<Boolean> inbox = !p.wants(family, INBOX) ? Mono.just(false)
						: this.inbox.deliver(new Notification(NotificationIds.of(event.id(), recipient, INBOX), recipient,
								event.type(), text.title(), text.body(), link, event.id(), p.locale(), this.clock.instant(),
								null));
				return inbox.flatMap(stored -> this.deliveries.plan(event, recipient, p, text).thenReturn(stored));
			}))
			.filter(Boolean::booleanValue)
			.count();
	}
}
