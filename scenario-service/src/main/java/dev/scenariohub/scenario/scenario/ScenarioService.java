package dev.scenariohub.scenario.scenario;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import dev.scenariohub.platform.events.HistoryEntry;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.ValidationProblem;
import dev.scenariohub.scenario.program.ProgramRepository;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Use cases on scenarios: load, let the aggregate decide, save with its events. */
@Service
public class ScenarioService {

	static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	private final ScenarioRepository scenarios;

	private final ProgramRepository programs;

	private final Clock clock;

	private final Duration extensionWindow;

	public ScenarioService(ScenarioRepository scenarios, ProgramRepository programs, Clock clock,
			@Value("${scenarios.deadline.extension-window:PT48H}") Duration extensionWindow) {
		this.scenarios = scenarios;
		this.programs = programs;
		this.clock = clock;
		this.extensionWindow = extensionWindow;
	}

	public Mono<ScenarioView> create(ScenarioRequests.Create request, String officer) {
		ScenarioDraft draft = toDraft(request);
		return this.programs.findById(draft.programId())
			.switchIfEmpty(Mono.error(() -> ValidationProblem.of("programId", "refers to no program")))
			.map(program -> Scenario.draft(new ObjectId().toHexString(), draft, officer, this.clock.instant()))
			.flatMap(scenario -> this.scenarios.insert(scenario)
				.map(version -> ScenarioView.of(scenario.state(), version)));
	}

	/** A scenario as the caller may see it: drafts only for officers. */
	public Mono<ScenarioView> get(String id, boolean officer) {
		return load(id, officer).map(scenario -> ScenarioView.of(scenario.state(), scenario.version()));
	}

	public Flux<ScenarioView> list(ScenarioFilter filter, boolean officer, String afterId, int limit) {
		return this.scenarios.list(filter, officer, afterId, limit)
			.map(scenario -> ScenarioView.of(scenario.state(), scenario.version()));
	}

	public Mono<List<HistoryEntry>> history(String id, boolean officer) {
		return load(id, officer).flatMap(scenario -> this.scenarios.history(scenario.id()));
	}

	public Mono<ScenarioView> change(String id, String ifMatch, ScenarioRequests.Patch patch, String officer) {
		long expected = ETags.requireIfMatch(ifMatch);
		ScenarioChanges changes = toChanges(patch);
		return load(id, true).flatMap(scenario -> {
			if (scenario.version() != expected) {
				return Mono.error(ETags.staleVersion(expected, scenario.version()));
			}
			return save(scenario, scenario.change(changes, this.clock.instant(), this.extensionWindow, officer));
		});
	}

	/** Applies a transition to the scenario, after an optional {@code If-Match} check. */
	public Mono<ScenarioView> transition(String id, String ifMatch, Function<Scenario, Scenario> transition) {
		return load(id, true).flatMap(scenario -> {
			ETags.checkIfMatch(ifMatch, scenario.version());
			return save(scenario, transition.apply(scenario));
		});
	}

	public Mono<ScenarioView> cancel(String id, String ifMatch, String reason, String officer) {
		return transition(id, ifMatch, scenario -> scenario.cancel(reason, officer))
			// an award that was still provisional gives its reservation back
			.flatMap(view -> this.programs.modify(view.programId(), program -> program.release(view.id()))
				.thenReturn(view));
	}

	public Clock clock() {
		return this.clock;
	}

	private Mono<ScenarioView> save(Scenario loaded, Scenario changed) {
		if (changed == loaded) {
			return Mono.just(ScenarioView.of(loaded.state(), loaded.version()));
		}
		return this.scenarios.update(changed).map(version -> ScenarioView.of(changed.state(), version));
	}

	Mono<Scenario> load(String id, boolean officer) {
		ValidationProblem.requireId("id", id);
		return this.scenarios.findById(id)
			.filter(scenario -> officer || scenario.status() != ScenarioStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", id)));
	}

	private static ScenarioDraft toDraft(ScenarioRequests.Create r) {
		String zone = r.timeZone() == null ? DEFAULT_TIME_ZONE : r.timeZone();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw ValidationProblem.of("timeZone", "is not an IANA time zone such as Asia/Shanghai");
		}
		return new ScenarioDraft(r.programId(), r.title().strip(), r.sector(), r.demandOwner().strip(), r.description(),
				r.requirements(), r.requiredCapabilities(), r.eligibleCategories(), r.support().toSupport(),
				r.maxAwards(), r.opensAt().toInstant(), r.closesAt().toInstant(), zone,
				r.rubric().stream().map(ScenarioRequests.CriterionRequest::toCriterion).toList());
	}

	private static ScenarioChanges toChanges(ScenarioRequests.Patch p) {
		return new ScenarioChanges(p.title(), p.sector(), p.demandOwner(), p.description(), p.requirements(),
				p.requiredCapabilities(), p.eligibleCategories(), p.support() == null ? null : p.support().toSupport(),
				p.maxAwards(), p.opensAt() == null ? null : p.opensAt().toInstant(),
				p.closesAt() == null ? null : p.closesAt().toInstant(), p.rubric() == null ? null
						: p.rubric().stream().map(ScenarioRequests.CriterionRequest::toCriterion).toList());
	}

}
