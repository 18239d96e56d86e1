package dev.scenariohub.enterprise.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.scenariohub.enterprise.application.ApplicationFollower;
import dev.scenariohub.enterprise.application.ScenarioOutcome;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.enterprise.readmodel.ScenarioEventPayload;
import dev.scenariohub.enterprise.readmodel.ScenarioPublishedPayload;
import dev.scenariohub.platform.events.EventType;
import dev.scenariohub.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code scenarios}: keeps the scenario read model and moves the
 * scenario's applications along. An event not newer than what the model holds was handled
 * already (or is a replay) and changes nothing; applications are moved before the model
 * records the event, so a crash in between only repeats the (idempotent) moves. Failures
 * are retried by the binder and then go to {@code scenarios.enterprise-service.dlq}.
 */
@Configuration
public class ScenarioEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(ScenarioEventsConsumer.class);

	static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	Consumer<Message<byte[]>> scenarioEvents(KnownScenarioRepository scenarios, ApplicationFollower applications,
			JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			EventType type = event.eventType();
			if (!type.isAbout("scenario")) {
				log.debug("Ignoring {} {}", event.type(), event.id());
				return;
			}
			if (type.event().equals("published")) {
				// moves no application; the write applies only what is newer than the
				// model
				scenarios.applyPublished(event.dataAs(json, ScenarioPublishedPayload.class), event.sequence())
					.block(WRITE_TIMEOUT);
				return;
			}
			KnownScenario known = scenarios.findById(event.subject()).block(WRITE_TIMEOUT);
			if (known != null && known.sequence() >= event.sequence()) {
				// older than the read model: a repeat, or a replay from the dead-letter
				// topic. The read model stays; the applications still follow it where
				// the lifecycle allows
				followIfForwardOnly(event, type, json, applications);
				return;
			}
			ScenarioEventPayload payload = event.dataAs(json, ScenarioEventPayload.class);
			ScenarioOutcome outcome = outcomeOf(type.event(), payload);
			if (outcome != null) {
				Long moved = applications.follow(event.subject(), outcome).block(WRITE_TIMEOUT);
				if (moved != null && moved > 0) {
					log.info("{} of scenario {}: {} application(s) followed it", type.event(), event.subject(), moved);
				}
			}
			if (type.event().equals("updated") && payload.scenario() != null) {
				scenarios.applyPublished(payload.scenario(), event.sequence()).block(WRITE_TIMEOUT);
			}
			else if (payload.status() != null) {
				scenarios.applyStatus(event.subject(), event.sequence(), payload.status(), payload.closesAt())
					.block(WRITE_TIMEOUT);
			}
		};
	}

	private static void followIfForwardOnly(IncomingEvent event, EventType type, JsonMapper json,
			ApplicationFollower applications) {
		ScenarioOutcome outcome = outcomeOf(type.event(), event.dataAs(json, ScenarioEventPayload.class));
		if (outcome != null && outcome.kind().isForwardOnly()) {
			long moved = applications.follow(event.subject(), outcome).block(WRITE_TIMEOUT);
			log.info("{} {} seq {} was older than the read model; {} application(s) followed it", event.type(),
					event.subject(), event.sequence(), moved);
		}
		else {
			log.debug("{} {} seq {} already applied", event.type(), event.subject(), event.sequence());
		}
	}

	static ScenarioOutcome outcomeOf(String event, ScenarioEventPayload p) {
		return switch (event) {
			case "updated" ->
				Boolean.TRUE.equals(p.material()) ? new ScenarioOutcome(ScenarioOutcome.Kind.MATERIAL_CHANGE, Set.of(),
						"the scenario changed materially; re-confirm before the deadline") : null;
			case "review-started" -> new ScenarioOutcome(ScenarioOutcome.Kind.REVIEW_STARTED, Set.of(), null);
			case "award-proposed" -> new ScenarioOutcome(ScenarioOutcome.Kind.AWARD_PROPOSED,
					Set.copyOf(p.applicationIds() == null ? List.of() : p.applicationIds()), null);
			case "awarded" -> new ScenarioOutcome(ScenarioOutcome.Kind.AWARDED, p.winners() == null ? Set.of()
					: p.winners().stream().map(ScenarioEventPayload.Winner::applicationId).collect(Collectors.toSet()),
					null);
			case "cancelled" -> new ScenarioOutcome(ScenarioOutcome.Kind.CANCELLED, Set.of(), p.reason());
			default -> null;
		};
	}

}
