package dev.scenariohub.enterprise.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.scenariohub.enterprise.application.ApplicationRepository;
import dev.scenariohub.enterprise.enterprise.Enterprise;
import dev.scenariohub.enterprise.enterprise.EnterpriseRepository;
import dev.scenariohub.enterprise.enterprise.EnterpriseState;
import dev.scenariohub.enterprise.readmodel.KnownScenario;
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
import dev.scenariohub.enterprise.text.Words;
import dev.scenariohub.platform.security.Caller;
import dev.scenariohub.platform.web.NotFound;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Open scenarios for an enterprise, and enterprises for a scenario, ranked by
 * {@link Fit}. Candidates are what shares something with the other side — a required
 * capability, the sector of earlier applications, a core-technology word — each found by
 * an index of the store; nothing with no fit at all is listed, and nothing is scanned.
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
			.map(Enterprise::state)
			.flatMap(enterprise -> sectorsAppliedIn(enterpriseId).flatMap(sectors -> this.scenarios
				.openWithAny(enterprise.capabilities(), sectors, enterprise.technologyWords(), CANDIDATES)
				.filter(s -> s.closesAt() == null || s.closesAt().isAfter(now))
				.filter(s -> eligible(s, enterprise))
				.map(s -> match(s, enterprise, sectors.contains(s.sector())))
				.collectList()
				.map(all -> top(all, limit))));
	}

	public Mono<List<Match>> enterprisesFor(String scenarioId, int limit) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Published scenario", scenarioId)))
			.flatMap(scenario -> experiencedIn(scenario.sector()).flatMap(experienced -> this.enterprises
				.verifiedWithAny(scenario.requiredCapabilities(), Words.of(textOf(scenario)), experienced, CANDIDATES)
				.filter(e -> eligible(scenario, e))
				.map(e -> match(scenario, e, experienced.contains(e.id())))
				.collectList()
				.map(all -> top(all, limit))));
	}

	private static String textOf(KnownScenario s) {
		return String.join(" ", s.title(), s.description() == null ? "" : s.description(),
				s.requirements() == null ? "" : s.requirements());
	}

	private static Match match(KnownScenario s, EnterpriseState e, boolean sectorExperience) {
		Fit.Result fit = Fit.of(s.requiredCapabilities(), e.capabilities(), sectorExperience, e.coreTechnologies(),
				textOf(s));
		return new Match(s.id(), e.id(), s.title() + " ↔ " + e.name(), fit.score(), fit.reasons());
	}

	private static boolean eligible(KnownScenario s, EnterpriseState e) {
		return s.eligibleCategories() == null || s.eligibleCategories().isEmpty()
				|| s.eligibleCategories().contains(e.category().name());
	}

	/** The sectors of the scenarios an enterprise has submitted applications to. */
	private Mono<Set<String>> sectorsAppliedIn(String enterpriseId) {
		return this.applications.submittedValuesOf("scenarioId", Criteria.where("enterpriseId").is(enterpriseId))
			.collectList()
			.flatMapMany(this.scenarios::sectorsOf)
			.collect(Collectors.toSet());
	}

	/** The enterprises that have submitted applications to scenarios of a sector. */
	private Mono<Set<String>> experiencedIn(String sector) {
		return this.scenarios.idsInSector(sector)
			.collectList()
			.flatMapMany(ids -> ids.isEmpty() ? Flux.<String>empty()
					: this.applications.submittedValuesOf("enterpriseId", Criteria.where("scenarioId").in(ids)))
			.collect(Collectors.toSet());
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
