package dev.scenariohub.notification.events;

import java.util.List;
import java.util.function.Consumer;

import dev.scenariohub.notification.events.ScenarioRecipientRules.Described;
import dev.scenariohub.notification.feed.FeedRepository;
import dev.scenariohub.notification.feed.PublicEvents;
import dev.scenariohub.notification.readmodel.DirectoryRepository;
import dev.scenariohub.notification.readmodel.DirectoryRepository.ScenarioInfo;
import dev.scenariohub.platform.events.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code scenarios}: keeps what the directory knows of each scenario,
 * appends public events to the feed, and tells whom {@link ScenarioRecipientRules} names.
 * When the event describes its scenario and is the newest the directory has seen, the
 * directory holds exactly what the event says, so that is used without reading it back.
 * Runs on the binder's listener threads (waiting on MongoDB is bounded by
 * {@link Notifier#TIMEOUT}); failures are retried, then go to the dead-letter topic.
 */
@Configuration
public class ScenarioEventsConsumer {

	@Bean
	Consumer<Message<byte[]>> scenarioEvents(DirectoryRepository directory, ScenarioRecipientRules rules,
			Notifier notifier, FeedRepository feed, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			String family = event.eventType().family();
			ScenarioEventData data = event.dataAs(json, ScenarioEventData.class);
			String scenarioId = event.subject();
			ScenarioInfo described = data.describesScenario() ? data.toInfo(scenarioId) : null;
			// two independent idempotent writes, side by side; both are done (or the
			// record is retried) before the next record
			Mono<Boolean> directoryWritten = described == null ? Mono.just(false)
					: directory.scenario(described, event.sequence());
			Mono<Boolean> appended = PublicEvents.includes(event.type()) ? feed.append(event, json) : Mono.just(false);
			// true only when the event described its scenario and was the newest
			boolean newest = Boolean.TRUE
				.equals(Mono.zip(directoryWritten, appended).map(Tuple2::getT1).block(Notifier.TIMEOUT));
			rules.forFamily(family).ifPresent(rule -> {
				ScenarioInfo scenario = newest ? described
						: directory.scenario(scenarioId)
							.blockOptional(Notifier.TIMEOUT)
							.orElse(ScenarioInfo.unknown(scenarioId));
				List<String> recipients = rule.recipientsOf(scenarioId, new Described(scenario, data))
					.collectList()
					.blockOptional(Notifier.TIMEOUT)
					.orElse(List.of());
				notifier
					.tell(new Notice(event, family, recipients, data.params(scenario),
							"/api/v1/scenarios/" + scenarioId))
					.block(Notifier.TIMEOUT);
			});
		};
	}

}
