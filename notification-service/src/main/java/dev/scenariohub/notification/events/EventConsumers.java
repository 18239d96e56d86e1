package dev.scenariohub.notification.events;

import dev.scenariohub.notification.templates.Templates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.scenariohub.notification.readmodel.DirectoryRepository;
import dev.scenariohub.notification.feed.FeedRepository;
import dev.scenariohub.notification.subscription.Subscription;
import dev.scenariohub.notification.subscription.SubscriptionRepository;
import dev.scenariohub.platform.events.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code scenarios}, {@code applications} and {@code enterprises}, keeps the directory
 * of who is who, appends public events to the feed, and decides who must know. Runs on the
 * binder's listener threads (blocking on MongoDB is bounded); failures are retried, then go to
 * the dead-letter topic.
 */
@Configuration
public class EventConsumers {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static final Set<String> PUBLIC = Set.of("scenario.published", "scenario.updated", "scenario.closed",
			"scenario.awarded", "scenario.completed");

	@Bean
	Consumer<Message<byte[]>> scenarioEvents(DirectoryRepository directory, SubscriptionRepository subscriptions, Notifier notifier,
			FeedRepository feed, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			String family = family(event);
			JsonNode data = event.dataAs(json, JsonNode.class);
			String scenarioId = event.subject();
			JsonNode snapshot = data.has("scenario") ? data.get("scenario") : data;
			if (snapshot.has("title") && snapshot.has("sector")) {
				directory.scenario(scenarioId, event.sequence(), text(snapshot, "title"), text(snapshot, "sector"),
						strings(snapshot.get("requiredCapabilities"))).block(TIMEOUT);
			}
			if (PUBLIC.contains(family)) {
				feed.append(event, json).block(TIMEOUT);
			}
			DirectoryRepository.ScenarioInfo scenario = directory.scenario(scenarioId).blockOptional(TIMEOUT)
				.orElse(new DirectoryRepository.ScenarioInfo(scenarioId, "", "", List.of()));
			Map<String, String> params = params(scenario, snapshot);
			String link = "/api/v1/scenarios/" + scenarioId;
			List<String> recipients = new ArrayList<>();
			switch (family) {
				case "scenario.published" -> recipients.addAll(subscribers(subscriptions, scenario));
				case "scenario.updated" -> {
					if (!data.path("material").asBoolean(false)) {
						return;
					}
					params.put("changed", String.join(", ", strings(data.get("changedFields"))));
					recipients.addAll(directory.applicantsOf(scenarioId).block(TIMEOUT));
					recipients.addAll(subscribers(subscriptions, scenario));
				}
				case "scenario.closed", "scenario.cancelled", "scenario.awarded" -> {
					params.put("reason", text(data, "reason"));
					params.put("winners", String.valueOf(data.path("winners").size()));
					recipients.addAll(directory.applicantsOf(scenarioId).block(TIMEOUT));
					recipients.addAll(subscribers(subscriptions, scenario));
				}
				case "review.assigned" -> recipients.add(text(data, "reviewer"));
				case "objection.lodged" -> recipients.addAll(directory.officers());
				case "milestone.due-soon", "milestone.overdue" -> {
					params.put("milestone", text(data, "title"));
					params.put("dueOn", text(data, "dueOn"));
					recipients.addAll(directory.applicantOf(text(data, "applicationId")).block(TIMEOUT));
					recipients.addAll(directory.officers());
				}
				default -> {
					return;
				}
			}
			notifier.tell(event, recipients, params, link).block(TIMEOUT);
		};
	}

	@Bean
	Consumer<Message<byte[]>> applicationEvents(DirectoryRepository directory, Notifier notifier, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			JsonNode data = event.dataAs(json, JsonNode.class);
			String scenarioId = text(data, "scenarioId");
			directory.application(event.subject(), event.sequence(), scenarioId, text(data, "enterpriseId")).block(TIMEOUT);
			DirectoryRepository.ScenarioInfo scenario = directory.scenario(scenarioId).blockOptional(TIMEOUT)
				.orElse(new DirectoryRepository.ScenarioInfo(scenarioId, "", "", List.of()));
			Map<String, String> params = params(scenario, data);
			params.put("status", text(data, "status"));
			List<String> recipients = new ArrayList<>(directory.applicantOf(event.subject()).block(TIMEOUT));
			switch (family(event)) {
				case "application.submitted", "application.withdrawn" -> recipients.addAll(directory.officers());
				case "application.status-changed", "application.reconfirmation-required" -> {
				}
				default -> {
					return;
				}
			}
			notifier.tell(event, recipients, params, "/api/v1/applications/" + event.subject()).block(TIMEOUT);
		};
	}

	@Bean
	Consumer<Message<byte[]>> enterpriseEvents(DirectoryRepository directory, Notifier notifier, JsonMapper json) {
		return message -> {
			IncomingEvent event = IncomingEvent.from(message);
			JsonNode data = event.dataAs(json, JsonNode.class);
			directory.enterprise(event.subject(), event.sequence(), text(data, "owner"), strings(data.get("members")))
				.block(TIMEOUT);
			String family = family(event);
			if (!family.equals("enterprise.verified") && !family.equals("enterprise.rejected")) {
				return;
			}
			notifier.tell(event, List.of(text(data, "owner")), new HashMap<>(Map.of("name", text(data, "name"))),
					"/api/v1/enterprises/" + event.subject()).block(TIMEOUT);
		};
	}

	private static List<String> subscribers(SubscriptionRepository subscriptions, DirectoryRepository.ScenarioInfo scenario) {
		return subscriptions.matching(scenario.sector(), scenario.capabilities())
			.map(Subscription::owner)
			.distinct()
			.collectList()
			.blockOptional(TIMEOUT)
			.orElse(List.of());
	}

	private static Map<String, String> params(DirectoryRepository.ScenarioInfo scenario, JsonNode data) {
		Map<String, String> params = new HashMap<>();
		params.put("title", scenario.title());
		params.put("sector", scenario.sector());
		params.put("demandOwner", text(data, "demandOwner"));
		String closesAt = text(data, "closesAt");
		String zone = data.hasNonNull("timeZone") ? text(data, "timeZone") : "Asia/Shanghai";
		params.put("closesAt", closesAt.isEmpty() ? "" : WHEN.format(Instant.parse(closesAt).atZone(ZoneId.of(zone))));
		return params;
	}

	private static String family(IncomingEvent event) {
		return Templates.familyOf(event.type());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(item -> out.add(item.asString()));
		}
		return out;
	}
}
