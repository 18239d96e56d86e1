package dev.scenariohub.scenario.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scenariohub.scenario.scenario.Assignment;
import dev.scenariohub.scenario.scenario.AssignmentStatus;
import dev.scenariohub.scenario.scenario.Criterion;
import dev.scenariohub.scenario.scenario.Rubric;
import dev.scenariohub.scenario.scenario.ScenarioState;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Applications ranked by their score: the mean, over submitted (not recused) reviews, of
 * each review's weighted score on 0–100. Applications with no submitted review rank last,
 * unscored.
 */
public final class Ranking {

	/** One line of the ranking. */
	@Schema(name = "RankingEntry")
	public record Entry(int rank, String applicationId, Double score, int reviewsSubmitted, int reviewsAssigned,
			int reviewsRecused) {
	}

	private Ranking() {
	}

	public static List<Entry> of(ScenarioState scenario) {
		List<Criterion> rubric = scenario.rubric();
		Map<String, List<Assignment>> byApplication = new LinkedHashMap<>();
		for (Assignment a : scenario.assignments()) {
			byApplication.computeIfAbsent(a.applicationId(), k -> new ArrayList<>()).add(a);
		}
		List<Entry> unranked = new ArrayList<>();
		byApplication.forEach((applicationId, assignments) -> {
			List<Double> scores = assignments.stream()
				.filter(a -> a.status() == AssignmentStatus.SUBMITTED)
				.map(a -> Rubric.score(rubric, a.scores()))
				.toList();
			Double score = scores.isEmpty() ? null
					: Math.round(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow() * 100)
							/ 100.0;
			int recused = (int) assignments.stream().filter(a -> a.status() == AssignmentStatus.RECUSED).count();
			unranked.add(new Entry(0, applicationId, score, scores.size(), assignments.size() - recused, recused));
		});
		unranked.sort(Comparator.comparing((Entry e) -> e.score() == null ? -1.0 : e.score())
			.reversed()
			.thenComparing(Entry::applicationId));
		List<Entry> ranked = new ArrayList<>();
		for (int i = 0; i < unranked.size(); i++) {
			Entry e = unranked.get(i);
			ranked.add(new Entry(i + 1, e.applicationId(), e.score(), e.reviewsSubmitted(), e.reviewsAssigned(),
					e.reviewsRecused()));
		}
		return ranked;
	}

}
