package dev.scenariohub.scenario.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import dev.scenariohub.platform.web.RuleViolation;
import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;

/**
 * Plans an automatic assignment: every application gets {@code perApplication} reviewers,
 * never a conflicted one, never one already on it, always the least loaded first (ties by
 * name), so the work spreads evenly.
 */
public final class AutoAssignment {

	/** One planned pair. */
	public record Pair(String applicationId, String reviewer) {
	}

	private AutoAssignment() {
	}

	/**
	 * @param existing assignments the scenario has (recused ones still bar that reviewer)
	 * @param conflicted whether a reviewer must not review an application
	 */
	public static List<Pair> plan(List<String> applicationIds, List<String> reviewers, int perApplication,
			List<Assignment> existing, BiPredicate<String, String> conflicted) {
		Map<String, Integer> load = new HashMap<>();
		reviewers.forEach(r -> load.put(r, 0));
		for (Assignment a : existing) {
			if (a.status() != AssignmentStatus.RECUSED && load.containsKey(a.reviewer())) {
				load.merge(a.reviewer(), 1, Integer::sum);
			}
		}
		List<Pair> plan = new ArrayList<>();
		for (String applicationId : applicationIds) {
			long have = existing.stream()
				.filter(a -> a.applicationId().equals(applicationId) && a.status() != AssignmentStatus.RECUSED)
				.count();
			List<String> candidates = reviewers.stream()
				.filter(r -> existing.stream()
					.noneMatch(a -> a.applicationId().equals(applicationId) && a.reviewer().equals(r)))
				.filter(r -> !conflicted.test(r, applicationId))
				.sorted(Comparator.comparing((String r) -> load.get(r)).thenComparing(r -> r))
				.toList();
			int needed = (int) Math.max(0, perApplication - have);
			if (candidates.size() < needed) {
				throw new RuleViolation("not-enough-reviewers",
						"application " + applicationId + " needs " + needed
								+ " more reviewer(s) without a conflict of interest; only " + candidates.size()
								+ " are available");
			}
			for (String reviewer : candidates.subList(0, needed)) {
				plan.add(new Pair(applicationId, reviewer));
				load.merge(reviewer, 1, Integer::sum);
			}
		}
		return plan;
	}

}
