package dev.scenariohub.notification.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.scenariohub.notification.inbox.Inbox;
import dev.scenariohub.notification.inbox.Notification;
import dev.scenariohub.notification.inbox.NotificationIds;
import dev.scenariohub.notification.subscription.Subscription;
import dev.scenariohub.notification.subscription.Subscriptions;
import dev.scenariohub.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code scenarios} and tells whoever must know. Idempotent by construction: a
 * notification's id comes from (event id, recipient, channel), so a repeated event stores nothing
 * new.
 */
@Configuration
public class ScenarioEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(ScenarioEventsConsumer.class);

	static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	static final String INBOX = "inbox";

	@Bean
	Consumer<Message<byte[]>> scenarioEvents(Subscriptions subscriptions, Inbox inbox, JsonMapper json, Clock clock) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			if (!"dev.scenariohub.scenario.published.v1".equals(event.type())) {
				log.debug("Ignoring {} {}", event.type(), event.id());
				return;
			}
			ScenarioPublishedPayload scenario = event.dataAs(json, ScenarioPublishedPayload.class);
			List<String> capabilities = scenario.requiredCapabilities() == null ? List.of() : scenario.requiredCapabilities();
			Long delivered = subscriptions.matching(scenario.sector(), capabilities)
				.map(Subscription::owner)
				.distinct()
				.flatMap(recipient -> {
					String[] text = Messages.scenarioPublished(scenario, Messages.DEFAULT_LOCALE);
					Notification notification = new Notification(NotificationIds.of(event.id(), recipient, INBOX),
							recipient, event.type(), text[0], text[1], "/api/v1/scenarios/" + scenario.scenarioId(),
							event.id(), Messages.DEFAULT_LOCALE, clock.instant(), null);
					return inbox.deliver(notification);
				})
				.filter(Boolean::booleanValue)
				.count()
				.block(WRITE_TIMEOUT);
			log.debug("{} {}: {} new notification(s)", event.type(), event.subject(), delivered);
		};
	}
}
