package dev.scenariohub.notification.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.scenariohub.notification.readmodel.DirectoryRepository;
import dev.scenariohub.notification.readmodel.DirectoryRepository.ScenarioInfo;
import dev.scenariohub.platform.events.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes topic {@code applications}: keeps which enterprise applied to which scenario,
 * and tells the applicant of every change to its application, the officers also of
 * submissions and withdrawals.
 */
@Configuration
public class ApplicationEventsConsumer {

	static final Set<String> TOLD_TO_OFFICERS = Set.of("application.submitted", "application.withdrawn");

	static final Set<String> TOLD_TO_APPLICANT = Set.of("application.submitted", "application.withdrawn",
			"application.status-changed", "application.reconfirmation-required");

	@Bean
	Consumer<Message<byte[]>> applicationEvents(DirectoryRepository directory, Notifier notifier, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			String family = event.eventType().family();
			ApplicationEventData data = event.dataAs(json, ApplicationEventData.class);
			directory.application(event.subject(), event.sequence(), data.scenarioId(), data.enterpriseId())
				.block(Notifier.TIMEOUT);
			if (!TOLD_TO_APPLICANT.contains(family)) {
				return;
			}
			ScenarioInfo scenario = directory.scenario(data.scenarioId())
				.blockOptional(Notifier.TIMEOUT)
				.orElse(ScenarioInfo.unknown(data.scenarioId()));
			List<String> recipients = new ArrayList<>(directory.applicantOf(event.subject()).block(Notifier.TIMEOUT));
			if (TOLD_TO_OFFICERS.contains(family)) {
				recipients.addAll(directory.officers());
			}
			Map<String, String> params = new HashMap<>();
			params.put("title", scenario.title());
			params.put("sector", scenario.sector());
			params.put("status", ScenarioEventData.orEmpty(data.status()));
			notifier.tell(new Notice(event, family, recipients, params, "/api/v1/applications/" + event.subject()))
				.block(Notifier.TIMEOUT);
		};
	}

}
