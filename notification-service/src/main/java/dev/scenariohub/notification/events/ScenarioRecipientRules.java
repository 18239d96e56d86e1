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
 * Each rule is given what the directory knows of the scenario, so that none reads it
 * again.
 */
@Component
public class ScenarioRecipientRules {

	private final DirectoryRepository directory;

	private final SubscriptionRepository subscriptions;

	private final Map<String, RecipientRule<Described>> rules;

	/** An event's payload with what the directory knows of its scenario. */
	public record Described(ScenarioInfo scenario, ScenarioEventData data) {
	}

	public ScenarioRecipientRules(DirectoryRepository directory, SubscriptionRepository subscriptions) {
		this.directory = directory;
		this.subscriptions = subscriptions;
		RecipientRule<Described> applicantsAndSubscribers = (id, event) -> Flux
			.concat(directory.applicantsOf(id).flatMapIterable(people -> people), subscribers(event.scenario()));
		RecipientRule<Described> awardeeAndOfficers = (id, event) -> Flux.concat(
				directory.applicantOf(event.data().applicationId()).flatMapIterable(people -> people),
				Flux.fromIterable(directory.officers()));
		this.rules = Map.of("scenario.published", (id, event) -> subscribers(event.scenario()), "scenario.updated",
				(id, event) -> event.data().isMaterial() ? applicantsAndSubscribers.recipientsOf(id, event)
						: Flux.empty(),
				"scenario.closed", applicantsAndSubscribers, "scenario.cancelled", applicantsAndSubscribers,
				"scenario.awarded", applicantsAndSubscribers, "review.assigned",
				(id, event) -> Mono.justOrEmpty(event.data().reviewer()).flux(), "objection.lodged",
				(id, event) -> Flux.fromIterable(directory.officers()), "milestone.due-soon", awardeeAndOfficers,
				"milestone.overdue", awardeeAndOfficers);
	}

	/** The rule for an event family, if its events tell anyone. */
	public Optional<RecipientRule<Described>> forFamily(String family) {
		return Optional.ofNullable(this.rules.get(family));
	}

	private Flux<String> subscribers(ScenarioInfo scenario) {
		return this.subscriptions.matching(scenario.sector(), scenario.capabilities())
			.map(Subscription::owner)
			.distinct();
	}

}
