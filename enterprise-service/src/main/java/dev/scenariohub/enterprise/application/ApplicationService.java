package dev.scenariohub.enterprise.application;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

import dev.scenariohub.enterprise.enterprise.Enterprise;
import dev.scenariohub.enterprise.enterprise.EnterpriseFilter;
import dev.scenariohub.enterprise.enterprise.EnterpriseRepository;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.web.ApiException;
import dev.scenariohub.platform.web.ETags;
import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.platform.web.ValidationProblem;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Use cases on applications. The owner and members of an enterprise act for it; officers
 * see all; anyone else gets 404, so nothing leaks.
 */
@Service
public class ApplicationService {

	private final ApplicationRepository applications;

	private final EnterpriseRepository enterprises;

	private final KnownScenarioRepository scenarios;

	private final Clock clock;

	public ApplicationService(ApplicationRepository applications, EnterpriseRepository enterprises,
			KnownScenarioRepository scenarios, Clock clock) {
		this.applications = applications;
		this.enterprises = enterprises;
		this.scenarios = scenarios;
		this.clock = clock;
	}

	public Mono<ApplicationView> create(ApplicationRequests.Create request, Caller caller) {
		ApplicationDraft draft = request.toDraft();
		return actingFor(draft.enterpriseId(), caller).then(this.scenarios.findById(draft.scenarioId())
			.switchIfEmpty(Mono.error(() -> RuleViolation.invalid("scenarioId", "refers to no published scenario"))))
			.map(scenario -> Application.draft(new ObjectId().toHexString(), draft, caller.sub(), this.clock.instant()))
			.flatMap(application -> this.applications.insert(application)
				.map(version -> ApplicationView.of(application.state(), version)))
			.onErrorMap(DuplicateKeyException.class, duplicate -> new RuleViolation("already-applied",
					"this enterprise already has a live application for this scenario"));
	}

	public Mono<Application> visible(String id, Caller caller) {
		ValidationProblem.requireId("id", id);
		return this.applications.findById(id)
			.filterWhen(a -> caller.officer() ? Mono.just(true)
					: actingFor(a.state().enterpriseId(), caller).thenReturn(true).onErrorReturn(false))
			.switchIfEmpty(Mono.error(() -> new NotFound("Application", id)));
	}

	public Flux<ApplicationView> list(String scenarioId, String enterpriseId, ApplicationStatus status, Caller caller,
			String afterId, int limit) {
		Criteria criteria = new Criteria();
		if (scenarioId != null) {
			criteria = criteria.and("scenarioId").is(scenarioId);
		}
		if (status != null) {
			criteria = criteria.and("status").is(status.name());
		}
		Criteria filtered = criteria;
		Mono<List<String>> allowed = caller.officer() ? Mono.just(List.of())
				: this.enterprises.list(new EnterpriseFilter(null, null, null, null), caller.sub(), null, 1000)
					.map(Enterprise::id)
					.collectList();
		return allowed.flatMapMany(ids -> {
			Criteria c = filtered;
			if (!caller.officer()) {
				List<String> own = enterpriseId == null ? ids : ids.stream().filter(enterpriseId::equals).toList();
				c = c.and("enterpriseId").in(own);
			}
			else if (enterpriseId != null) {
				c = c.and("enterpriseId").is(enterpriseId);
			}
			return this.applications.find(c, afterId, limit);
		}).map(a -> ApplicationView.of(a.state(), a.version()));
	}

	/** Only the applicant's own people edit an application; officers read it. */
	public Mono<ApplicationView> change(String id, String ifMatch, ApplicationRequests.Patch patch, Caller caller) {
		long expected = ETags.requireIfMatch(ifMatch);
		return visible(id, caller)
			.flatMap(
					a -> actingFor(a.state().enterpriseId(), caller)
						.onErrorMap(NotFound.class,
								notOwn -> ApiException
									.forbidden("only the applicant's own people edit its application"))
						.then(Mono
							.defer(() -> a.version() != expected ? Mono.error(ETags.staleVersion(expected, a.version()))
									: save(a, a.change(patch.toChanges())))));
	}

	public Mono<ApplicationView> submit(String id, Caller caller) {
		return act(id, caller, (application, scenario) -> this.enterprises.findById(application.state().enterpriseId())
			.map(enterprise -> application.submit(scenario, enterprise.state(), this.clock.instant(), caller.sub())));
	}

	public Mono<ApplicationView> reconfirm(String id, Caller caller) {
		return act(id, caller, (application, scenario) -> Mono
			.just(application.reconfirm(scenario, this.clock.instant(), caller.sub())));
	}

	public Mono<ApplicationView> withdraw(String id, Caller caller) {
		return visible(id, caller).flatMap(a -> save(a, a.withdraw(caller.sub())));
	}

	private Mono<ApplicationView> act(String id, Caller caller,
			BiFunction<Application, KnownScenario, Mono<Application>> action) {
		return visible(id, caller).flatMap(a -> this.scenarios.findById(a.state().scenarioId())
			.switchIfEmpty(
					Mono.error(() -> new RuleViolation("scenario-not-open", "the scenario is not known as published")))
			.flatMap(scenario -> action.apply(a, scenario))
			.flatMap(changed -> save(a, changed)));
	}

	/** Completes when the caller may act for the enterprise, else fails with 404. */
	private Mono<Enterprise> actingFor(String enterpriseId, Caller caller) {
		return this.enterprises.findById(enterpriseId)
			.filter(e -> e.state().actsFor(caller.sub()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Enterprise", enterpriseId)));
	}

	private Mono<ApplicationView> save(Application loaded, Application changed) {
		if (changed == loaded) {
			return Mono.just(ApplicationView.of(loaded.state(), loaded.version()));
		}
		return this.applications.update(changed).map(version -> ApplicationView.of(changed.state(), version));
	}

}
