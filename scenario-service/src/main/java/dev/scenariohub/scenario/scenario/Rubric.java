package dev.scenariohub.scenario.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of a review rubric and of scoring against it. */
public final class Rubric {

	public static final int MAX_LEVEL = 5;

	private Rubric() {
	}

	/**
	 * @return the first problem with a rubric, or null when it is sound
	 */
	public static String problemWith(List<Criterion> criteria) {
		if (criteria == null || criteria.isEmpty()) {
			return "a rubric needs at least one criterion";
		}
		Set<String> keys = new HashSet<>();
		int sum = 0;
		for (Criterion c : criteria) {
			if (!keys.add(c.key())) {
				return "criterion key '" + c.key() + "' appears twice";
			}
			if (c.weight() < 1) {
				return "criterion '" + c.key() + "' needs a weight of at least 1";
			}
			if (c.anchors() != null && !c.anchors().isEmpty() && c.anchors().size() != MAX_LEVEL + 1) {
				return "criterion '" + c.key() + "' needs an anchor text for each level 0 to 5, or none";
			}
			sum += c.weight();
		}
		return sum == 100 ? null : "the weights sum to " + sum + ", not 100";
	}

	/**
	 * @return the first problem with a reviewer's scores, or null when they fit the
	 * rubric
	 */
	public static String problemWithScores(List<Criterion> criteria, Map<String, Integer> scores) {
		for (Criterion c : criteria) {
			Integer score = scores.get(c.key());
			if (score == null) {
				return "criterion '" + c.key() + "' has no score";
			}
			if (score < 0 || score > MAX_LEVEL) {
				return "criterion '" + c.key() + "' must be scored 0 to 5";
			}
		}
		for (String key : scores.keySet()) {
			if (criteria.stream().noneMatch(c -> c.key().equals(key))) {
				return "'" + key + "' is not a criterion of this rubric";
			}
		}
		return null;
	}

	/** One review's score on 0–100: the weighted mean of its levels, scaled from 0–5. */
	public static double score(List<Criterion> criteria, Map<String, Integer> scores) {
		double total = 0;
		for (Criterion c : criteria) {
			total += c.weight() * scores.get(c.key()) / (double) MAX_LEVEL;
		}
		return total;
	}

}
