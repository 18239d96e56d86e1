package dev.scenariohub.notification.events;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;

import dev.scenariohub.notification.delivery.DeliveryPlanner;
import dev.scenariohub.notification.inbox.Notification;
import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.inbox.NotificationRepository;
import dev.scenariohub.notification.preferences.PreferencesRepository;
import dev.scenariohub.notification.templates.Templates;
import dev.scenariohub.platform.events.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells each recipient once per event: the notification's id is derived from (event id,
 * recipient, channel), so a repeated event stores nothing new.
 */
@Component
public class Notifier {

	/** How long a consumer waits on the store for one step. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final String INBOX = "inbox";

	private final NotificationRepository inbox;

	private final PreferencesRepository preferences;

	private final DeliveryPlanner deliveries;

	private final Clock clock;

	public Notifier(NotificationRepository inbox, PreferencesRepository preferences, DeliveryPlanner deliveries,
			Clock clock) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * @return how many new notifications were stored
	 */
	public Mono<Long> tell(Notice notice) {
		IncomingEvent event = notice.event();
		String family = notice.family();
		return Flux.fromIterable(new LinkedHashSet<>(notice.recipients()))
			.filter(recipient -> recipient != null && !recipient.isBlank())
			.flatMap(recipient -> this.preferences.of(recipient).flatMap(p -> {
				Templates.Text text = Templates.render(family, p.locale(), notice.params());
				Mono<Boolean> inbox = !p.wants(family, INBOX) ? Mono.just(false)
						: this.inbox.deliver(new Notification(NotificationIds.of(event.id(), recipient, INBOX),
								recipient, event.type(), text.title(), text.body(), notice.link(), event.id(),
								p.locale(), this.clock.instant(), null));
				return inbox
					.flatMap(stored -> this.deliveries.plan(event, family, recipient, p, text).thenReturn(stored));
			}))
			.filter(Boolean::booleanValue)
			.count();
	}

}
