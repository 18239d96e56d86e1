package dev.scenariohub.notification.events;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.scenariohub.notification.readmodel.DirectoryRepository;
import dev.scenariohub.platform.events.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code enterprises}: keeps who acts for each enterprise, and tells its
 * owner of the verification decision.
 */
@Configuration
public class EnterpriseEventsConsumer {

	static final Set<String> TOLD_TO_OWNER = Set.of("enterprise.verified", "enterprise.rejected");

	@Bean
	Consumer<Message<byte[]>> enterpriseEvents(DirectoryRepository directory, Notifier notifier, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			String family = event.eventType().family();
			EnterpriseEventData data = event.dataAs(json, EnterpriseEventData.class);
			directory.enterprise(event.subject(), event.sequence(), data.owner(), data.members())
				.block(Notifier.TIMEOUT);
			if (!TOLD_TO_OWNER.contains(family) || data.owner() == null) {
				return;
			}
			notifier.tell(new Notice(event, family, List.of(data.owner()),
					Map.of("name", ScenarioEventData.orEmpty(data.name())), "/api/v1/enterprises/" + event.subject()))
				.block(Notifier.TIMEOUT);
		};
	}

}
