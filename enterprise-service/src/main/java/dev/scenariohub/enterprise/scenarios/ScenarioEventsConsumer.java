package dev.scenariohub.enterprise.scenarios;

import java.time.Duration;
import java.util.function.Consumer;

import dev.scenariohub.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code scenarios} into the scenario read model. Runs on the binder's listener
 * thread, so it may wait for MongoDB (bounded); failures are retried by the binder and then go
 * to {@code scenarios.enterprise-service.dlq}.
 */
@Configuration
public class ScenarioEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(ScenarioEventsConsumer.class);

	static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	Consumer<Message<byte[]>> scenarioEvents(KnownScenarios scenarios, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			switch (event.type()) {
				case "dev.scenariohub.scenario.published.v1" -> {
					boolean applied = scenarios
						.applyPublished(event.dataAs(json, ScenarioPublishedPayload.class), event.sequence())
						.block(WRITE_TIMEOUT);
					log.debug("{} {} seq {} applied={}", event.type(), event.subject(), event.sequence(), applied);
				}
				default -> log.debug("Ignoring {} {}", event.type(), event.id());
			}
		};
	}
}
