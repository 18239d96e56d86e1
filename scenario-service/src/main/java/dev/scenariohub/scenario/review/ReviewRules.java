package dev.scenariohub.scenario.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scenariohub.platform.web.NotFound;
import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;
import dev.scenariohub.scenario.scenario.Rubric;
import dev.scenariohub.scenario.scenario.Scenario;
import dev.scenariohub.scenario.scenario.ScenarioState;
import dev.scenariohub.scenario.scenario.ScenarioStatus;

/** The review rules of a scenario: assigning reviewers, scoring, recusing. */
public final class ReviewRules {

	private ReviewRules() {
	}

	/**
	 * Assigns a reviewer to an application, once (a recused reviewer may not come back).
	 */
	public static Scenario assign(Scenario scenario, String assignmentId, String applicationId, String reviewer,
			Instant now, String actor) {
		ScenarioStatus status = scenario.status();
		if (status != ScenarioStatus.CLOSED && status != ScenarioStatus.UNDER_REVIEW) {
			throw RuleViolation.illegalTransition(status,
					"reviewers are assigned once the scenario is CLOSED or UNDER_REVIEW");
		}
		boolean already = scenario.state()
			.assignments()
			.stream()
			.anyMatch(a -> a.applicationId().equals(applicationId) && a.reviewer().equals(reviewer));
		if (already) {
			throw new RuleViolation("already-assigned", reviewer + " is already assigned to this application");
		}
		Assignment assignment = Assignment.assigned(assignmentId, applicationId, reviewer, now);
		List<Assignment> assignments = new ArrayList<>(scenario.state().assignments());
		assignments.add(assignment);
		return scenario.next(scenario.state().toBuilder().assignments(assignments).build(),
				ReviewEvents.of(ReviewEvents.ASSIGNED, scenario.id(), assignment, null, null, actor));
	}

	/**
	 * A reviewer scores every criterion of the rubric; only while the scenario is
	 * UNDER_REVIEW.
	 * @param commentId where the comment is kept ({@link ReviewTextRepository}), or null
	 */
	public static Scenario submit(Scenario scenario, String assignmentId, String reviewer, Map<String, Integer> scores,
			String commentId, Instant now) {
		scenario.require(ScenarioStatus.UNDER_REVIEW, "score applications of");
		Assignment mine = ownAssignment(scenario.state(), assignmentId, reviewer);
		requireAssigned(mine);
		String problem = Rubric.problemWithScores(scenario.state().rubric(), scores);
		if (problem != null) {
			throw RuleViolation.invalid("scores", problem);
		}
		Assignment submitted = mine.submitted(scores, commentId, now);
		double score = Rubric.score(scenario.state().rubric(), scores);
		return scenario.next(replace(scenario.state(), submitted),
				ReviewEvents.of(ReviewEvents.SUBMITTED, scenario.id(), submitted, score, null, reviewer));
	}

	/**
	 * A reviewer steps back from an assignment it has not scored.
	 * @param reasonId where the reason is kept ({@link ReviewTextRepository})
	 */
	public static Scenario recuse(Scenario scenario, String assignmentId, String reviewer, String reason,
			String reasonId, Instant now) {
		Assignment mine = ownAssignment(scenario.state(), assignmentId, reviewer);
		requireAssigned(mine);
		Assignment recused = mine.recused(reasonId, now);
		return scenario.next(replace(scenario.state(), recused),
				ReviewEvents.of(ReviewEvents.RECUSED, scenario.id(), recused, null, reason, reviewer));
	}

	/**
	 * The caller's assignment, or 404-like refusal: another reviewer's assignment does
	 * not exist for it.
	 */
	static Assignment ownAssignment(ScenarioState state, String assignmentId, String reviewer) {
		return state.assignments()
			.stream()
			.filter(a -> a.assignmentId().equals(assignmentId) && a.reviewer().equals(reviewer))
			.findFirst()
			.orElseThrow(() -> new NotFound("Assignment", assignmentId));
	}

	private static void requireAssigned(Assignment a) {
		if (a.status() != AssignmentStatus.ASSIGNED) {
			throw new RuleViolation("assignment-done", "this assignment is already " + a.status(),
					Map.of("currentStatus", a.status().name()));
		}
	}

	private static ScenarioState replace(ScenarioState state, Assignment changed) {
		List<Assignment> assignments = state.assignments()
			.stream()
			.map(a -> a.assignmentId().equals(changed.assignmentId()) ? changed : a)
			.toList();
		return state.toBuilder().assignments(assignments).build();
	}

}
