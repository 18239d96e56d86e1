package dev.scenariohub.scenario.pilot;

import java.time.Clock;
import java.time.LocalDate;

import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import dev.scenariohub.scenario.scenario.Milestone;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Use cases of pilots: officers plan milestones; the awardee or an officer completes
 * them.
 */
@Service
public class PilotService {

	private final ScenarioRepository scenarios;

	private final KnownApplicantRepository applicants;

	private final Clock clock;

	public PilotService(ScenarioRepository scenarios, KnownApplicantRepository applicants, Clock clock) {
		this.scenarios = scenarios;
		this.applicants = applicants;
		this.clock = clock;
	}

	public Mono<Milestone> schedule(String scenarioId, String applicationId, String title, String deliverable,
			LocalDate dueOn, String officer) {
		String id = new ObjectId().toHexString();
		return this.scenarios
			.modify(Criteria.where("_id").is(scenarioId),
					s -> PilotRules.schedule(s, id, applicationId, title, deliverable, dueOn, officer))
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(saved -> PilotRules.milestone(saved.state(), id));
	}

	/**
	 * Completes a milestone; {@code officer} callers may complete any, others only their
	 * enterprise's.
	 */
	public Mono<Milestone> complete(String milestoneId, String report, String caller, boolean officer) {
		Criteria which = Criteria.where("milestones.milestoneId").is(milestoneId);
		return this.scenarios.findOne(which)
			.switchIfEmpty(Mono.error(() -> new NotFound("Milestone", milestoneId)))
			.flatMap(scenario -> officer ? Mono.just(true)
					: this.applicants.application(PilotRules.milestone(scenario.state(), milestoneId).applicationId())
						.flatMap(a -> this.applicants.enterprise(a.enterpriseId()))
						.map(enterprise -> enterprise.actsFor(caller))
						.defaultIfEmpty(false))
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new NotFound("Milestone", milestoneId)))
			.flatMap(allowed -> this.scenarios.modify(which,
					s -> PilotRules.complete(s, milestoneId, report, caller, this.clock.instant())))
			.map(saved -> PilotRules.milestone(saved.state(), milestoneId));
	}

}
