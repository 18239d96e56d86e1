package dev.scenariohub.scenario.scenario;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.ValidationProblem;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Use cases on scenarios: load, let the aggregate decide, save with its events. */
@Service
public class ScenarioService {

	static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	private final ScenarioRepository scenarios;

	private final Clock clock;

	public ScenarioService(ScenarioRepository scenarios, Clock clock) {
		this.scenarios = scenarios;
		this.clock = clock;
	}

	public Mono<ScenarioView> create(CreateScenarioRequest request, String officer) {
		return Mono.fromCallable(() -> Scenario.draft(new ObjectId().toHexString(), toDraft(request), officer,
				this.clock.instant()))
			.onErrorMap(ScenarioRuleViolation.class, ex -> ValidationProblem.of("closesAt", ex.getMessage()))
			.flatMap(draft -> this.scenarios.insert(draft).map(version -> ScenarioView.of(draft, version)));
	}

	/** A scenario as the caller may see it: drafts only for officers. */
	public Mono<ScenarioView> get(String id, boolean officer) {
		return load(id, officer).map(scenario -> ScenarioView.of(scenario, scenario.version()));
	}

	public Flux<ScenarioView> list(ScenarioStatus status, Sector sector, boolean officer, String afterId, int limit) {
		return this.scenarios.list(status, sector, officer, afterId, limit)
			.map(scenario -> ScenarioView.of(scenario, scenario.version()));
	}

	public Mono<ScenarioView> publish(String id, String ifMatch) {
		return load(id, true).flatMap(scenario -> {
			ETags.checkIfMatch(ifMatch, scenario.version());
			Scenario published = apply(() -> scenario.publish(this.clock.instant()));
			return this.scenarios.update(published).map(version -> ScenarioView.of(published, version));
		});
	}

	private Mono<Scenario> load(String id, boolean officer) {
		ValidationProblem.requireId("id", id);
		return this.scenarios.findById(id)
			.filter(scenario -> officer || scenario.status() != ScenarioStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Scenario", id)));
	}

	private static Scenario apply(java.util.function.Supplier<Scenario> transition) {
		try {
			return transition.get();
		}
		catch (ScenarioRuleViolation ex) {
			throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "illegal-transition",
					"Not allowed in the current status", ex.getMessage(),
					java.util.Map.of("currentStatus", String.valueOf(ex.currentStatus())));
		}
	}

	private static ScenarioDraft toDraft(CreateScenarioRequest r) {
		String zone = r.timeZone() == null ? DEFAULT_TIME_ZONE : r.timeZone();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw ValidationProblem.of("timeZone", "is not an IANA time zone such as Asia/Shanghai");
		}
		var s = r.support();
		return new ScenarioDraft(r.title().strip(), r.sector(), r.demandOwner().strip(), r.description(),
				r.requirements(), r.requiredCapabilities() == null ? List.of() : r.requiredCapabilities(),
				r.eligibleCategories() == null ? List.of() : r.eligibleCategories(),
				new Support(s.funding().toMinor(), s.computeGpuHours(), s.dataAccess(), s.pilotSite()), r.maxAwards(),
				r.opensAt().toInstant(), r.closesAt().toInstant(), zone);
	}
}
