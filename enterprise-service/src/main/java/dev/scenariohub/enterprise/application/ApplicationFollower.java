package dev.scenariohub.enterprise.application;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Moves a scenario's applications along with what happened to the scenario. */
@Component
public class ApplicationFollower {

	static final int MAX_APPLICATIONS = 10_000;

	private final ApplicationRepository applications;

	public ApplicationFollower(ApplicationRepository applications) {
		this.applications = applications;
	}

	/**
	 * @return how many applications changed
	 */
	public Mono<Long> follow(String scenarioId, ScenarioOutcome outcome) {
		return this.applications.find(Criteria.where("scenarioId").is(scenarioId), null, MAX_APPLICATIONS)
			.filter(a -> !a.state().status().isFinal())
			.concatMap(a -> this.applications.modify(a.id(), current -> current.follow(outcome))
				.filter(changed -> changed.state().status() != a.state().status()))
			.count();
	}

}
