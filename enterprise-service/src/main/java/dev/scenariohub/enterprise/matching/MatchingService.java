package dev.scenariohub.enterprise.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.scenariohub.enterprise.application.ApplicationRepository;
import dev.scenariohub.enterprise.application.ApplicationStatus;
import dev.scenariohub.enterprise.enterprise.Enterprise;
import dev.scenariohub.enterprise.enterprise.EnterpriseFilter;
import dev.scenariohub.enterprise.enterprise.EnterpriseRepository;
import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.enterprise.EnterpriseStatus;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.web.NotFound;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Open scenarios for an enterprise, and enterprises for a scenario, ranked by
 * {@link Fit}.
 */
@Service
public class MatchingService {

	static final int CANDIDATES = 20_000;

	/** One ranked match. */
	public record Match(String scenarioId, String enterpriseId, String title, double score, List<String> reasons) {
	}

	private final EnterpriseRepository enterprises;

	private final KnownScenarioRepository scenarios;

	private final ApplicationRepository applications;

	private final Clock clock;

	public MatchingService(EnterpriseRepository enterprises, KnownScenarioRepository scenarios,
			ApplicationRepository applications, Clock clock) {
		this.enterprises = enterprises;
		this.scenarios = scenarios;
		this.applications = applications;
		this.clock = clock;
	}

	public Mono<List<Match>> scenariosFor(String enterpriseId, Caller caller, int limit) {
		Instant now = this.clock.instant();
		return this.enterprises.findById(enterpriseId)
			.filter(e -> caller.officer() || e.state().actsFor(caller.sub()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Enterprise", enterpriseId)))
			.flatMap(enterprise -> sectorsOf(Set.of(enterpriseId))
				.flatMap(sectors -> this.scenarios.open(null, CANDIDATES)
					.filter(s -> s.closesAt() == null || s.closesAt().isAfter(now))
					.filter(s -> eligible(s, enterprise.state()))
					.map(s -> match(s, enterprise.state(), sectors.getOrDefault(enterpriseId, Set.of())))
					.collectList()
					.map(all -> top(all, limit))));
	}

	public Mono<List<Match>> enterprisesFor(String scenarioId, int limit) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Published scenario", scenarioId)))
			.flatMap(scenario -> this.enterprises
				.list(new EnterpriseFilter(EnterpriseStatus.VERIFIED, null, null, null), null, null, CANDIDATES)
				.map(Enterprise::state)
				.filter(e -> eligible(scenario, e))
				.collectList()
				.flatMap(candidates -> sectorsOf(
						candidates.stream().map(EnterpriseState::id).collect(Collectors.toSet()))
					.map(sectors -> top(candidates.stream()
						.map(e -> match(scenario, e, sectors.getOrDefault(e.id(), Set.of())))
						.toList(), limit))));
	}

	private static Match match(KnownScenario s, EnterpriseState e, Set<String> sectorsApplied) {
		String text = String.join(" ", s.title(), s.description() == null ? "" : s.description(),
				s.requirements() == null ? "" : s.requirements());
		Fit.Result fit = Fit.of(s.requiredCapabilities(), e.capabilities(), sectorsApplied.contains(s.sector()),
				e.coreTechnologies(), text);
		return new Match(s.id(), e.id(), s.title() + " ↔ " + e.name(), fit.score(), fit.reasons());
	}

	private static boolean eligible(KnownScenario s, EnterpriseState e) {
		return s.eligibleCategories() == null || s.eligibleCategories().isEmpty()
				|| s.eligibleCategories().contains(e.category().name());
	}

	/** Sectors each enterprise has submitted applications in. */
	private Mono<Map<String, Set<String>>> sectorsOf(Set<String> enterpriseIds) {
		return this.applications
			.find(Criteria.where("enterpriseId").in(enterpriseIds).and("status").ne(ApplicationStatus.DRAFT.name()),
					null, CANDIDATES)
			.flatMap(a -> this.scenarios.findById(a.state().scenarioId())
				.map(s -> Map.entry(a.state().enterpriseId(), s.sector())))
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
	}

	private static List<Match> top(List<Match> all, int limit) {
		return all.stream()
			.sorted(Comparator.comparingDouble(Match::score)
				.reversed()
				.thenComparing(Match::scenarioId)
				.thenComparing(Match::enterpriseId))
			.limit(limit)
			.toList();
	}

}
