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
import dev.scenariohub.enterprise.readmodel.KnownScenarioRepository;
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
 * fit at all is listed. They come from this replica's {@link ScenarioIndex} and
 * {@link EnterpriseIndex}, which rank them and hand over only the best (plus a margin,
 * re-scored exactly), so an answer does not grow with everything that shares something
 * with the other side; while an index is still loading, the store's indexes find all
 * candidates and each is scored.
 */
@Service
public class MatchingService {

	static final int CANDIDATES = 20_000;

	/**
	 * Candidates taken from an index beyond those asked for, re-scored exactly: an
	 * index's score can be off by a few tenths of a point.
	 */
	static final int MARGIN = 50;

	/** One ranked match. */
	public record Match(String scenarioId, String enterpriseId, String title, double score, List<String> reasons) {
	}

	private final EnterpriseRepository enterprises;

	private final KnownScenarioRepository scenarios;

	private final ApplicationRepository applications;

	private final Clock clock;

	private final EnterpriseIndex enterpriseIndex;

	private final EnterpriseIndexUpdater enterpriseIndexUpdater;

	private final ScenarioIndex scenarioIndex;

	private final ScenarioIndexUpdater scenarioIndexUpdater;

	public MatchingService(EnterpriseRepository enterprises, KnownScenarioRepository scenarios,
			ApplicationRepository applications, Clock clock, EnterpriseIndex enterpriseIndex,
			EnterpriseIndexUpdater enterpriseIndexUpdater, ScenarioIndex scenarioIndex,
			ScenarioIndexUpdater scenarioIndexUpdater) {
		this.enterpriseIndex = enterpriseIndex;
		this.enterpriseIndexUpdater = enterpriseIndexUpdater;
		this.scenarioIndex = scenarioIndex;
		this.scenarioIndexUpdater = scenarioIndexUpdater;
		this.enterprises = enterprises;
		this.scenarios = scenarios;
		this.applications = applications;
		this.clock = clock;
	}

	public Mono<List<Match>> scenariosFor(String enterpriseId, Caller caller, int limit) {
		return this.enterprises.findById(enterpriseId)
			.filter(e -> caller.officer() || e.state().actsFor(caller.sub()))
			.switchIfEmpty(Mono.error(() -> new NotFound("Enterprise", enterpriseId)))
			.map(Enterprise::state)
			.flatMap(enterprise -> sectorsAppliedIn(enterpriseId)
				.flatMap(sectors -> scenarioCandidates(enterprise, sectors, limit)
					.map(s -> match(s, EnterpriseIndex.Entry.of(enterprise), sectors.contains(s.sector())))
					.collectList()
					.map(all -> top(all, limit))));
	}

	private Flux<ScenarioIndex.Entry> scenarioCandidates(EnterpriseState enterprise, Set<String> sectors, int limit) {
		Instant now = this.clock.instant();
		Set<String> words = Set.copyOf(enterprise.technologyWords());
		if (this.scenarioIndexUpdater.ready()) {
			return Flux.fromIterable(this.scenarioIndex.candidates(enterprise.capabilities(), sectors, words,
					enterprise.category().name(), now, limit + MARGIN));
		}
		return this.scenarios.openWithAny(enterprise.capabilities(), sectors, words, CANDIDATES)
			.map(ScenarioIndex.Entry::of)
			.filter(s -> s.admits(enterprise.category().name(), now));
	}

	public Mono<List<Match>> enterprisesFor(String scenarioId, int limit) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Published scenario", scenarioId)))
			.map(ScenarioIndex.Entry::of)
			.flatMap(scenario -> experiencedIn(scenario.sector())
				.flatMap(experienced -> enterpriseCandidates(scenario, experienced, limit)
					.map(e -> match(scenario, e, experienced.contains(e.id())))
					.collectList()
					.map(all -> top(all, limit))));
	}

	private Flux<EnterpriseIndex.Entry> enterpriseCandidates(ScenarioIndex.Entry scenario, Set<String> experienced,
			int limit) {
		if (this.enterpriseIndexUpdater.ready()) {
			return Flux.fromIterable(this.enterpriseIndex.candidates(scenario.requiredCapabilities(), scenario.words(),
					experienced, scenario.eligibleCategories(), limit + MARGIN));
		}
		return this.enterprises
			.verifiedWithAny(scenario.requiredCapabilities(), scenario.words(), experienced, CANDIDATES)
			.filter(e -> scenario.eligibleCategories().isEmpty()
					|| scenario.eligibleCategories().contains(e.category().name()))
			.map(EnterpriseIndex.Entry::of);
	}

	private static Match match(ScenarioIndex.Entry s, EnterpriseIndex.Entry e, boolean sectorExperience) {
		Fit.Result fit = Fit.of(s.requiredCapabilities(), e.capabilities(), sectorExperience, e.coreTechnologies(),
				s.words());
		return new Match(s.id(), e.id(), s.title() + " ↔ " + e.name(), fit.score(), fit.reasons());
	}

	/** The sectors of the scenarios an enterprise has submitted applications to. */
	private Mono<Set<String>> sectorsAppliedIn(String enterpriseId) {
		return this.applications.submittedValuesOf("scenarioId", Criteria.where("enterpriseId").is(enterpriseId))
			.collectList()
			.flatMapMany(ids -> this.scenarioIndexUpdater.ready()
					? Flux.fromIterable(ids).mapNotNull(this.scenarioIndex::sectorOf) : this.scenarios.sectorsOf(ids))
			.collect(Collectors.toSet());
	}

	/** The enterprises that have submitted applications to scenarios of a sector. */
	private Mono<Set<String>> experiencedIn(String sector) {
		Flux<String> inSector = this.scenarioIndexUpdater.ready()
				? Flux.fromIterable(this.scenarioIndex.idsInSector(sector)) : this.scenarios.idsInSector(sector);
		return inSector.collectList()
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
