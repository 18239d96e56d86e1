package dev.scenariohub.scenario.award;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.platform.web.ValidationProblem;
import dev.scenariohub.scenario.program.ProgramRepository;
import dev.scenariohub.scenario.program.Reservation;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.scenario.AwardStatus;
import dev.scenariohub.scenario.scenario.Objection;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import dev.scenariohub.scenario.scenario.ScenarioState;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Awards reserve the support from the program's pools first, then record the provisional
 * award on the scenario; if that second write fails the reservation is given back.
 * Upholding an objection gives it back too.
 */
@Service
public class AwardService {

	private final ScenarioRepository scenarios;

	private final ProgramRepository programs;

	private final KnownApplicantRepository applicants;

	private final Clock clock;

	private final Duration standstill;

	public AwardService(ScenarioRepository scenarios, ProgramRepository programs, KnownApplicantRepository applicants,
			Clock clock, @Value("${scenarios.award.standstill:P3D}") Duration standstill) {
		this.scenarios = scenarios;
		this.programs = programs;
		this.applicants = applicants;
		this.clock = clock;
		this.standstill = standstill;
	}

	public Mono<ScenarioState> award(String scenarioId, List<String> applicationIds, String officer) {
		return Mono.zip(this.scenarios.findById(scenarioId),
				this.applicants.liveApplicationsOf(scenarioId).map(KnownApplication::id).collect(Collectors.toSet()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.flatMap(t -> {
				Scenario scenario = t.getT1();
				Set<String> live = t.getT2();
				// check every rule before reserving anything
				String awardId = new ObjectId().toHexString();
				AwardRules.propose(scenario, awardId, applicationIds, live, this.standstill, this.clock.instant(),
						officer);
				long n = applicationIds.size();
				String programId = scenario.state().programId();
				Reservation reservation = new Reservation(scenarioId, awardId,
						scenario.state().support().fundingFen() * n, scenario.state().support().computeGpuHours() * n,
						this.clock.instant());
				return this.programs.modify(programId, p -> p.reserve(reservation))
					.switchIfEmpty(Mono
						.error(() -> new RuleViolation("program-missing", "the scenario's program does not exist")))
					.then(this.scenarios
						.modify(byId(scenarioId),
								s -> AwardRules.propose(s, awardId, applicationIds, live, this.standstill,
										this.clock.instant(), officer))
						// the award was not recorded: give back what this attempt
						// reserved
						.onErrorResume(error -> this.programs.modify(programId, p -> p.release(scenarioId, awardId))
							.then(Mono.error(error))));
			})
			.map(saved -> saved.state());
	}

	/**
	 * A scenario's outcome as it stands, for its officers: the award (absent before one),
	 * the objections lodged against it, and the pilot's milestones.
	 */
	public Mono<ScenarioState> outcome(String scenarioId) {
		ValidationProblem.requireId("id", scenarioId);
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(Scenario::state);
	}

	public Mono<Objection> lodge(String scenarioId, String applicationId, String reason, String caller) {
		String objectionId = new ObjectId().toHexString();
		return this.applicants.application(applicationId)
			.filter(a -> a.scenarioId().equals(scenarioId))
			.switchIfEmpty(
					Mono.error(() -> RuleViolation.invalid("applicationId", "is not an application of this scenario")))
			.flatMap(a -> this.applicants.enterprise(a.enterpriseId()))
			.filter(enterprise -> enterprise.actsFor(caller))
			.switchIfEmpty(Mono.error(() -> new NotFound("Application of yours in this scenario", applicationId)))
			.flatMap(enterprise -> this.scenarios.modify(byId(scenarioId),
					s -> AwardRules.lodgeObjection(s, objectionId, applicationId, caller, reason,
							this.clock.instant())))
			.map(saved -> objection(saved.state(), objectionId));
	}

	public Mono<Objection> resolve(String objectionId, boolean uphold, String officer) {
		return this.scenarios
			.modify(Criteria.where("objections.objectionId").is(objectionId),
					s -> AwardRules.resolveObjection(s, objectionId, uphold, officer, this.clock.instant()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Objection", objectionId)))
			.flatMap(saved -> {
				ScenarioState s = saved.state();
				Mono<Void> released = uphold && s.award() != null && s.award().status() == AwardStatus.WITHDRAWN
						? release(s.programId(), s.id()) : Mono.empty();
				return released.thenReturn(objection(s, objectionId));
			});
	}

	private Mono<Void> release(String programId, String scenarioId) {
		// an upheld objection gives back whatever the scenario's award holds
		return this.programs.modify(programId, p -> p.release(scenarioId)).then();
	}

	private static Objection objection(ScenarioState s, String id) {
		return s.objections().stream().filter(o -> o.objectionId().equals(id)).findFirst().orElseThrow();
	}

	private static Criteria byId(String scenarioId) {
		return Criteria.where("_id").is(scenarioId);
	}

}
