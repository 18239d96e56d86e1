package dev.scenariohub.scenario.events;

import java.time.Duration;
import java.util.function.Consumer;

import dev.scenariohub.platform.events.IncomingEvent;
import dev.scenariohub.scenario.readmodel.ApplicationPayload;
import dev.scenariohub.scenario.readmodel.EnterprisePayload;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topics {@code applications} and {@code enterprises} into the read models
 * review and award need. Every application and enterprise event carries the state these
 * models keep, so the newest sequence per aggregate wins and repeats or replays change
 * nothing.
 */
@Configuration
public class ApplicantEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(ApplicantEventsConsumer.class);

	static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	Consumer<Message<byte[]>> applicationEvents(KnownApplicantRepository applicants, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			if (!event.eventType().isAbout("application")) {
				log.debug("Ignoring {} {}", event.type(), event.id());
				return;
			}
			applicants.applyApplication(event.dataAs(json, ApplicationPayload.class), event.sequence())
				.block(WRITE_TIMEOUT);
		};
	}

	@Bean
	Consumer<Message<byte[]>> enterpriseEvents(KnownApplicantRepository applicants, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			if (!event.eventType().isAbout("enterprise")) {
				log.debug("Ignoring {} {}", event.type(), event.id());
				return;
			}
			applicants.applyEnterprise(event.dataAs(json, EnterprisePayload.class), event.sequence())
				.block(WRITE_TIMEOUT);
		};
	}

}
