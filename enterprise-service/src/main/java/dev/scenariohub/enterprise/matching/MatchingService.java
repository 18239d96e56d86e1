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
 * capability, the sector of earlier applications, a core-technology word; nothing with no
 * fit at all is listed. Scenarios for an enterprise are found by indexes of the store.
 * Enterprises for a scenario come from the {@link EnterpriseIndex}, which ranks them
 * itself and hands over only the best ones (plus a margin, re-scored exactly), so the
 * answer does not grow with the enterprises that share something with the scenario; while
 * that index is still loading, the store's indexes find them all and each is scored.
 */
@Service
public class MatchingService {

	static final int CANDIDATES = 20_000;

	/**
	 * Candidates taken from the index beyond those asked for, re-scored exactly: the
	 * index's score can be off by about a tenth of a point.
	 */
	static final int MARGIN = 50;

	/** One ranked match. */
	public record Match(String scenarioId, String enterpriseId, String title, double score, List<String> reasons) {
	}

	private final EnterpriseRepository enterprises;

	private final KnownScenarioRepository scenarios;

	private final ApplicationRepository applications;

	private final Clock clock;

	private final EnterpriseIndex index;

	private final EnterpriseIndexUpdater indexUpdater;

	public MatchingService(EnterpriseRepository enterprises, KnownScenarioRepository scenarios,
			ApplicationRepository applications, Clock clock, EnterpriseIndex index,
			EnterpriseIndexUpdater indexUpdater) {
		this.index = index;
		this.indexUpdater = indexUpdater;
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
				.map(s -> match(s, EnterpriseIndex.Entry.of(enterprise), sectors.contains(s.sector())))
				.collectList()
				.map(all -> top(all, limit))));
	}

	public Mono<List<Match>> enterprisesFor(String scenarioId, int limit) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Published scenario", scenarioId)))
			.flatMap(scenario -> experiencedIn(scenario.sector())
				.flatMap(experienced -> candidatesFor(scenario, experienced, limit)
					.map(e -> match(scenario, e, experienced.contains(e.id())))
					.collectList()
					.map(all -> top(all, limit))));
	}

	private Flux<EnterpriseIndex.Entry> candidatesFor(KnownScenario scenario, Set<String> experienced, int limit) {
		Set<String> words = Words.of(textOf(scenario));
		List<String> required = scenario.requiredCapabilities() == null ? List.of() : scenario.requiredCapabilities();
		if (this.indexUpdater.ready()) {
			return Flux.fromIterable(
					this.index.candidates(required, words, experienced, scenario.eligibleCategories(), limit + MARGIN));
		}
		return this.enterprises.verifiedWithAny(required, words, experienced, CANDIDATES)
			.filter(e -> eligible(scenario, e))
			.map(EnterpriseIndex.Entry::of);
	}

	private static String textOf(KnownScenario s) {
		return String.join(" ", s.title(), s.description() == null ? "" : s.description(),
				s.requirements() == null ? "" : s.requirements());
	}

	private static Match match(KnownScenario s, EnterpriseIndex.Entry e, boolean sectorExperience) {
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
