package dev.scenariohub.notification.events;

import java.util.Map;
import java.util.Optional;

import dev.scenariohub.notification.readmodel.DirectoryRepository;
import dev.scenariohub.notification.readmodel.DirectoryRepository.ScenarioInfo;
import dev.scenariohub.notification.subscription.Subscription;
import dev.scenariohub.notification.subscription.SubscriptionRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who must know of each event on topic {@code scenarios}, one rule per event family. A
 * family without a rule tells nobody.
 * <ul>
 * <li>published: subscribers to its sector or capabilities;</li>
 * <li>updated materially: its applicants and subscribers (a minor change tells
 * nobody);</li>
 * <li>closed, cancelled, awarded: its applicants and subscribers;</li>
 * <li>review assigned: the reviewer; objection lodged: the officers;</li>
 * <li>milestone due soon or overdue: the awardee's people and the officers.</li>
 * </ul>
 */
@Component
public class ScenarioRecipientRules {

	private final DirectoryRepository directory;

	private final SubscriptionRepository subscriptions;

	private final Map<String, RecipientRule<ScenarioEventData>> rules;

	public ScenarioRecipientRules(DirectoryRepository directory, SubscriptionRepository subscriptions) {
		this.directory = directory;
		this.subscriptions = subscriptions;
		RecipientRule<ScenarioEventData> applicantsAndSubscribers = (id, data) -> Flux
			.concat(directory.applicantsOf(id).flatMapIterable(people -> people), subscribers(id));
		RecipientRule<ScenarioEventData> awardeeAndOfficers = (id, data) -> Flux.concat(
				directory.applicantOf(data.applicationId()).flatMapIterable(people -> people),
				Flux.fromIterable(directory.officers()));
		this.rules = Map.of("scenario.published", (id, data) -> subscribers(id), "scenario.updated",
				(id, data) -> data.isMaterial() ? applicantsAndSubscribers.recipientsOf(id, data) : Flux.empty(),
				"scenario.closed", applicantsAndSubscribers, "scenario.cancelled", applicantsAndSubscribers,
				"scenario.awarded", applicantsAndSubscribers, "review.assigned",
				(id, data) -> Mono.justOrEmpty(data.reviewer()).flux(), "objection.lodged",
				(id, data) -> Flux.fromIterable(directory.officers()), "milestone.due-soon", awardeeAndOfficers,
				"milestone.overdue", awardeeAndOfficers);
	}

	/** The rule for an event family, if its events tell anyone. */
	public Optional<RecipientRule<ScenarioEventData>> forFamily(String family) {
		return Optional.ofNullable(this.rules.get(family));
	}

	private Flux<String> subscribers(String scenarioId) {
		return this.directory.scenario(scenarioId)
			.defaultIfEmpty(ScenarioInfo.unknown(scenarioId))
			.flatMapMany(s -> this.subscriptions.matching(s.sector(), s.capabilities()))
			.map(Subscription::owner)
			.distinct();
	}

}
