package dev.scenariohub.scenario.scenario;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RubricTest {

	static final List<Criterion> RUBRIC = List.of(new Criterion("feasibility", "Feasibility", 60, List.of()),
			new Criterion("impact", "Impact", 40, List.of()));

	@Test
	void weightsMustSumTo100() {
		assertThat(Rubric.problemWith(RUBRIC)).isNull();
		assertThat(Rubric
			.problemWith(List.of(new Criterion("a", "A", 60, List.of()), new Criterion("b", "B", 30, List.of()))))
			.contains("sum to 90");
	}

	@Test
	void keysAreUniqueAndAnchorsCoverEveryLevel() {
		assertThat(Rubric
			.problemWith(List.of(new Criterion("a", "A", 50, List.of()), new Criterion("a", "A", 50, List.of()))))
			.contains("twice");
		assertThat(Rubric.problemWith(List.of(new Criterion("a", "A", 100, List.of("poor", "good")))))
			.contains("each level");
		assertThat(Rubric.problemWith(List.of(new Criterion("a", "A", 100, List.of("0", "1", "2", "3", "4", "5")))))
			.isNull();
		assertThat(Rubric.problemWith(List.of())).isNotNull();
	}

	@Test
	void scoresMustCoverEveryCriterionWithinZeroToFive() {
		assertThat(Rubric.problemWithScores(RUBRIC, Map.of("feasibility", 5, "impact", 0))).isNull();
		assertThat(Rubric.problemWithScores(RUBRIC, Map.of("feasibility", 5))).contains("impact");
		assertThat(Rubric.problemWithScores(RUBRIC, Map.of("feasibility", 6, "impact", 1))).contains("0 to 5");
		assertThat(Rubric.problemWithScores(RUBRIC, Map.of("feasibility", 1, "impact", 1, "charm", 5)))
			.contains("charm");
	}

	@Test
	void aReviewsScoreIsTheWeightedMeanScaledTo100() {
		assertThat(Rubric.score(RUBRIC, Map.of("feasibility", 5, "impact", 5))).isEqualTo(100.0);
		assertThat(Rubric.score(RUBRIC, Map.of("feasibility", 0, "impact", 0))).isEqualTo(0.0);
		// 60 * 4/5 + 40 * 2/5 = 48 + 16
		assertThat(Rubric.score(RUBRIC, Map.of("feasibility", 4, "impact", 2))).isCloseTo(64.0, within(1e-9));
	}

}
