package dev.scenariohub.scenario.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.readmodel.KnownApplicantRepository;
import dev.scenariohub.scenario.readmodel.KnownApplication;
import dev.scenariohub.scenario.readmodel.KnownEnterprise;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioRepository;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

/** Use cases of blind, conflict-free review. */
@Service
public class ReviewService {

	private final ScenarioRepository scenarios;

	private final KnownApplicantRepository applicants;

	private final AffiliationsRepository affiliations;

	private final ReviewTextRepository texts;

	private final Clock clock;

	public ReviewService(ScenarioRepository scenarios, KnownApplicantRepository applicants,
			AffiliationsRepository affiliations, ReviewTextRepository texts, Clock clock) {
		this.scenarios = scenarios;
		this.applicants = applicants;
		this.affiliations = affiliations;
		this.texts = texts;
		this.clock = clock;
	}

	public Mono<Affiliations> declare(String reviewer, List<String> enterpriseIds, List<String> creditCodes) {
		return this.affiliations.save(new Affiliations(reviewer, enterpriseIds, creditCodes, this.clock.instant()));
	}

	public Mono<Affiliations> affiliationsOf(String reviewer) {
		return this.affiliations.of(reviewer);
	}

	/** Assigns one reviewer, refusing a conflict of interest. */
	public Mono<ReviewViews.OfficerAssignment> assign(String scenarioId, String applicationId, String reviewer,
			String officer) {
		String assignmentId = new ObjectId().toHexString();
		return liveApplication(scenarioId, applicationId)
			.flatMap(application -> Mono.zip(this.affiliations.of(reviewer), enterpriseOf(application))
				.map(t -> ConflictOfInterest.between(reviewer, t.getT1(), application, t.getT2().orElse(null))))
			.flatMap(conflicted -> {
				if (conflicted) {
					return Mono.error(new RuleViolation("conflict-of-interest",
							reviewer + " is tied to the applicant and cannot review this application"));
				}
				return this.scenarios.modify(byId(scenarioId), s -> ReviewRules.assign(s, assignmentId, applicationId,
						reviewer, this.clock.instant(), officer));
			})
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(saved -> ReviewViews.OfficerAssignment.of(find(saved, assignmentId)));
	}

	/**
	 * Gives every live application of the scenario {@code perApplication} reviewers from
	 * the pool.
	 */
	public Mono<List<ReviewViews.OfficerAssignment>> autoAssign(String scenarioId, List<String> reviewers,
			int perApplication, String officer) {
		return this.applicants.liveApplicationsOf(scenarioId)
			.flatMap(application -> enterpriseOf(application).map(e -> Tuples.of(application, e)))
			.collectList()
			.zipWith(this.affiliations.of(reviewers).collectMap(Affiliations::reviewer))
			.flatMap(t -> {
				List<String> applicationIds = t.getT1().stream().map(x -> x.getT1().id()).sorted().toList();
				Set<String> conflicts = t.getT1()
					.stream()
					.flatMap(x -> reviewers.stream()
						.filter(r -> ConflictOfInterest.between(r, t.getT2().get(r), x.getT1(), x.getT2().orElse(null)))
						.map(r -> r + "|" + x.getT1().id()))
					.collect(Collectors.toSet());
				return this.scenarios.modify(byId(scenarioId), s -> {
					Scenario planned = s;
					for (AutoAssignment.Pair pair : AutoAssignment.plan(applicationIds, reviewers, perApplication,
							s.state().assignments(), (r, a) -> conflicts.contains(r + "|" + a))) {
						planned = ReviewRules.assign(planned, new ObjectId().toHexString(), pair.applicationId(),
								pair.reviewer(), this.clock.instant(), officer);
					}
					return planned;
				});
			})
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(saved -> saved.state().assignments().stream().map(ReviewViews.OfficerAssignment::of).toList());
	}

	public Mono<List<ReviewViews.OfficerAssignment>> assignmentsOf(String scenarioId) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(s -> s.state().assignments().stream().map(ReviewViews.OfficerAssignment::of).toList());
	}

	/** A reviewer's own assignments, blind. */
	public Flux<ReviewViews.BlindAssignment> mine(String reviewer) {
		return this.scenarios.find(Criteria.where("assignments.reviewer").is(reviewer), 1000)
			.concatMap(scenario -> blind(scenario, reviewer, a -> true));
	}

	private Flux<ReviewViews.BlindAssignment> blind(Scenario scenario, String reviewer, Predicate<Assignment> which) {
		List<Assignment> own = scenario.state()
			.assignments()
			.stream()
			.filter(a -> a.reviewer().equals(reviewer) && which.test(a))
			.toList();
		List<String> commentIds = own.stream()
			.filter(a -> a.status() == AssignmentStatus.SUBMITTED && a.textId() != null)
			.map(Assignment::textId)
			.toList();
		return this.texts.of(commentIds)
			.flatMapMany(comments -> Flux.fromIterable(own)
				.concatMap(a -> this.applicants.application(a.applicationId())
					.map(app -> Optional.ofNullable(app.proposal()))
					.defaultIfEmpty(Optional.empty())
					.map(proposal -> new ReviewViews.BlindAssignment(a.assignmentId(), scenario.id(),
							scenario.state().title(), scenario.state().rubric(), proposal.orElse(null), a.status(),
							a.scores(), a.textId() == null ? a.comment() : comments.get(a.textId()), a.assignedAt()))));
	}

	/**
	 * Scores an assignment. The rules are checked first, so a refused review keeps no
	 * text; then the comment is kept, then the assignment saved.
	 */
	public Mono<ReviewViews.BlindAssignment> submit(String assignmentId, String reviewer, Map<String, Integer> scores,
			String comment) {
		String commentId = comment == null ? null : new ObjectId().toHexString();
		return withText(assignmentId, commentId, comment,
				(s, now) -> ReviewRules.submit(s, assignmentId, reviewer, scores, commentId, now))
			.flatMap(saved -> ownView(saved, assignmentId, reviewer));
	}

	public Mono<ReviewViews.BlindAssignment> recuse(String assignmentId, String reviewer, String reason) {
		String reasonId = new ObjectId().toHexString();
		return withText(assignmentId, reasonId, reason,
				(s, now) -> ReviewRules.recuse(s, assignmentId, reviewer, reason, reasonId, now))
			.flatMap(saved -> ownView(saved, assignmentId, reviewer));
	}

	private Mono<Scenario> withText(String assignmentId, String textId, String text,
			BiFunction<Scenario, Instant, Scenario> change) {
		Criteria holding = Criteria.where("assignments.assignmentId").is(assignmentId);
		return this.scenarios.findOne(holding)
			.switchIfEmpty(Mono.error(() -> new NotFound("Assignment", assignmentId)))
			.flatMap(current -> {
				Instant now = this.clock.instant();
				change.apply(current, now);
				Mono<Void> kept = text == null ? Mono.empty()
						: this.texts.keep(textId, current.id(), assignmentId, text, now);
				return kept.then(this.scenarios.modify(holding, s -> change.apply(s, now)));
			});
	}

	private Mono<ReviewViews.BlindAssignment> ownView(Scenario scenario, String assignmentId, String reviewer) {
		return blind(scenario, reviewer, a -> a.assignmentId().equals(assignmentId)).next();
	}

	public Mono<List<Ranking.Entry>> ranking(String scenarioId) {
		return this.scenarios.findById(scenarioId)
			.switchIfEmpty(Mono.error(() -> new NotFound("Scenario", scenarioId)))
			.map(s -> Ranking.of(s.state()));
	}

	private Mono<KnownApplication> liveApplication(String scenarioId, String applicationId) {
		return this.applicants.application(applicationId)
			.filter(a -> a.scenarioId().equals(scenarioId) && a.isLive())
			.switchIfEmpty(Mono.error(
					() -> RuleViolation.invalid("applicationId", "is not a submitted application of this scenario")));
	}

	private Mono<Optional<KnownEnterprise>> enterpriseOf(KnownApplication application) {
		return this.applicants.enterprise(application.enterpriseId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	private static Criteria byId(String scenarioId) {
		return Criteria.where("_id").is(scenarioId);
	}

	private static Assignment find(Scenario scenario, String assignmentId) {
		return scenario.state()
			.assignments()
			.stream()
			.filter(a -> a.assignmentId().equals(assignmentId))
			.findFirst()
			.orElseThrow();
	}

}
