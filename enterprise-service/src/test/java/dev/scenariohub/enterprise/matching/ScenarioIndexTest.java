package dev.scenariohub.enterprise.matching;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import dev.scenariohub.enterprise.text.Words;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioIndexTest {

	static final List<String> CAPABILITIES = IntStream.range(0, 12).mapToObj(i -> "cap-" + i).toList();

	static final List<String> WORDS = EnterpriseIndexTest.WORDS;

	static final List<String> SECTORS = List.of("HEALTHCARE", "LOW_ALTITUDE_ECONOMY", "FASHION_DESIGN", "ROBOTICS");

	static final List<String> CATEGORIES = EnterpriseIndexTest.CATEGORIES;

	static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void theBestCandidatesScoreAsTheBestOfAllOpenScenariosWithAFit() throws IOException {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			List<ScenarioIndex.Entry> open = new ArrayList<>();
			try (ScenarioIndex index = new ScenarioIndex()) {
				for (int i = 0; i < 300; i++) {
					ScenarioIndex.Entry s = new ScenarioIndex.Entry("s%04d".formatted(i), "Scenario " + i,
							Ranks.pick(random, SECTORS, 1).get(0), Ranks.pick(random, CAPABILITIES, random.nextInt(5)),
							random.nextBoolean() ? List.of() : Ranks.pick(random, CATEGORIES, 2),
							random.nextInt(8) == 0 ? null : NOW.plus(Duration.ofHours(random.nextInt(96) - 12)),
							Words.of(String.join(" ", Ranks.pick(random, WORDS, random.nextInt(6)))
									+ " pilots in Haizhu"));
					boolean stillOpen = random.nextInt(6) > 0;
					index.apply(s.id(), 1, stillOpen ? s : null);
					if (stillOpen) {
						open.add(s);
					}
				}
				index.refresh();
				for (int e = 0; e < 10; e++) {
					List<String> capabilities = Ranks.pick(random, CAPABILITIES, random.nextInt(5));
					List<String> core = Ranks.pick(random, WORDS, random.nextInt(4));
					Set<String> words = Words.of(String.join(" ", core));
					Set<String> sectors = new HashSet<>(Ranks.pick(random, SECTORS, random.nextInt(2)));
					String category = Ranks.pick(random, CATEGORIES, 1).get(0);
					int limit = 1 + random.nextInt(20);

					List<Ranks.Scored> expected = open.stream()
						.filter(s -> s.admits(category, NOW))
						.filter(s -> s.requiredCapabilities().stream().anyMatch(capabilities::contains)
								|| sectors.contains(s.sector()) || words.stream().anyMatch(s.words()::contains))
						.map(s -> scored(s, capabilities, sectors, core))
						.toList();
					List<ScenarioIndex.Entry> candidates = index.candidates(capabilities, sectors, words, category, NOW,
							limit + MatchingService.MARGIN);
					Ranks.assertBestOf(expected,
							candidates.stream().map(s -> scored(s, capabilities, sectors, core)).toList(), limit, 0.5,
							"seed %d enterprise %d".formatted(seed, e));
				}
			}
		}
	}

	@Test
	void aScenarioLeavesWhenItClosesAndFollowsItsWindowWhileOpen() throws IOException {
		try (ScenarioIndex index = new ScenarioIndex()) {
			ScenarioIndex.Entry drones = new ScenarioIndex.Entry("s1", "Drone lockers", "LOW_ALTITUDE_ECONOMY",
					List.of("v2x"), List.of(), NOW.plus(Duration.ofHours(1)), Set.of("drone"));
			index.apply("s1", 2, drones);
			index.refresh();
			assertThat(index.candidates(List.of("v2x"), Set.of(), Set.of(), "STARTUP", NOW, 10)).hasSize(1);
			assertThat(
					index.candidates(List.of("v2x"), Set.of(), Set.of(), "STARTUP", NOW.plus(Duration.ofHours(2)), 10))
				.as("past its window")
				.isEmpty();

			assertThat(index.applyStatus("s1", 3, "OPEN", NOW.plus(Duration.ofHours(3)))).isTrue();
			assertThat(index.applyStatus("s1", 2, "CLOSED", null)).as("older than what was applied").isFalse();
			index.refresh();
			assertThat(
					index.candidates(List.of("v2x"), Set.of(), Set.of(), "STARTUP", NOW.plus(Duration.ofHours(2)), 10))
				.as("the window was extended")
				.extracting(ScenarioIndex.Entry::closesAt)
				.containsExactly(NOW.plus(Duration.ofHours(3)));

			assertThat(index.applyStatus("s1", 4, "CLOSED", null)).isTrue();
			index.refresh();
			assertThat(index.size()).isZero();
			assertThat(index.candidates(List.of("v2x"), Set.of(), Set.of("drone"), "STARTUP", NOW, 10)).isEmpty();

			index.knowSector("s1", "LOW_ALTITUDE_ECONOMY");
			index.knowSector("s2", "HEALTHCARE");
			assertThat(index.idsInSector("LOW_ALTITUDE_ECONOMY")).as("a closed scenario still counts for experience")
				.containsExactly("s1");
			assertThat(index.sectorOf("s2")).isEqualTo("HEALTHCARE");
		}
	}

	private static Ranks.Scored scored(ScenarioIndex.Entry s, List<String> capabilities, Set<String> sectors,
			List<String> core) {
		return new Ranks.Scored(s.id(),
				Fit.of(s.requiredCapabilities(), capabilities, sectors.contains(s.sector()), core, s.words()).score());
	}

}
