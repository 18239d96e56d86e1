package dev.scenariohub.enterprise.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import dev.scenariohub.enterprise.text.Words;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseIndexTest {

	static final List<String> CAPABILITIES = IntStream.range(0, 12).mapToObj(i -> "cap-" + i).toList();

	static final List<String> WORDS = List.of("lidar", "drone", "vision", "route", "battery", "radar", "fabric",
			"pattern", "signal", "implant", "robot", "weld", "traffic", "imaging", "triage");

	static final List<String> CATEGORIES = List.of("LEADING", "STARTUP", "LITTLE_GIANT", "RESEARCH_INSTITUTE");

	@Test
	void theBestCandidatesScoreAsTheBestOfAllEnterprisesWithAFit() throws IOException {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			List<EnterpriseIndex.Entry> all = new ArrayList<>();
			try (EnterpriseIndex index = new EnterpriseIndex()) {
				for (int i = 0; i < 400; i++) {
					EnterpriseIndex.Entry e = new EnterpriseIndex.Entry("e%04d".formatted(i), "Enterprise " + i,
							Ranks.pick(random, CATEGORIES, 1).get(0),
							Ranks.pick(random, CAPABILITIES, random.nextInt(5)),
							Ranks.pick(random, WORDS, random.nextInt(4)));
					boolean verified = random.nextInt(5) > 0;
					index.apply(e.id(), 1, verified ? e : null);
					if (verified) {
						all.add(e);
					}
				}
				index.refresh();
				for (int s = 0; s < 10; s++) {
					List<String> required = Ranks.pick(random, CAPABILITIES, random.nextInt(4));
					String text = String.join(" ", Ranks.pick(random, WORDS, random.nextInt(6))) + " pilots in Haizhu";
					Set<String> experienced = new HashSet<>();
					all.forEach(e -> {
						if (random.nextInt(10) == 0) {
							experienced.add(e.id());
						}
					});
					List<String> eligible = random.nextBoolean() ? List.of() : Ranks.pick(random, CATEGORIES, 2);
					int limit = 1 + random.nextInt(20);

					List<Ranks.Scored> expected = all.stream()
						.filter(e -> eligible.isEmpty() || eligible.contains(e.category()))
						.filter(e -> required.stream().anyMatch(e.capabilities()::contains)
								|| experienced.contains(e.id())
								|| Words.of(String.join(" ", e.coreTechnologies()))
									.stream()
									.anyMatch(Words.of(text)::contains))
						.map(e -> scored(e, required, experienced, text))
						.toList();
					List<EnterpriseIndex.Entry> candidates = index.candidates(required, Words.of(text), experienced,
							eligible, limit + MatchingService.MARGIN);
					Ranks.assertBestOf(expected,
							candidates.stream().map(e -> scored(e, required, experienced, text)).toList(), limit, 0.2,
							"seed %d scenario %d".formatted(seed, s));
				}
			}
		}
	}

	@Test
	void aChangeNotNewerThanTheLastAppliedChangesNothing() throws IOException {
		try (EnterpriseIndex index = new EnterpriseIndex()) {
			EnterpriseIndex.Entry drones = new EnterpriseIndex.Entry("e1", "Drones Co.", "STARTUP", List.of("v2x"),
					List.of("lidar"));
			assertThat(index.apply("e1", 2, drones)).isTrue();
			assertThat(index.apply("e1", 1, null)).as("an older change: still pending verification").isFalse();
			assertThat(index.apply("e1", 2, null)).as("the same change again").isFalse();
			index.refresh();
			assertThat(index.size()).isOne();
			assertThat(index.candidates(List.of("v2x"), Set.of(), Set.of(), List.of(), 10)).containsExactly(drones);

			assertThat(index.apply("e1", 3, null)).as("sent back to verification").isTrue();
			index.refresh();
			assertThat(index.size()).isZero();
			assertThat(index.candidates(List.of("v2x"), Set.of(), Set.of(), List.of(), 10)).isEmpty();
		}
	}

	@Test
	void aScenarioSharingNothingHasNoCandidates() throws IOException {
		try (EnterpriseIndex index = new EnterpriseIndex()) {
			index.apply("e1", 1, new EnterpriseIndex.Entry("e1", "Looms Ltd.", "LEADING", List.of("cad"),
					List.of("fabric pattern")));
			index.refresh();
			assertThat(index.candidates(List.of(), Words.of("traffic signals"), Set.of(), List.of(), 10)).isEmpty();
			assertThat(index.candidates(List.of("v2x"), Words.of("fabric"), Set.of(), List.of("STARTUP"), 10))
				.as("shares a word, but is not of an eligible category")
				.isEmpty();
		}
	}

	private static Ranks.Scored scored(EnterpriseIndex.Entry e, List<String> required, Set<String> experienced,
			String text) {
		return new Ranks.Scored(e.id(),
				Fit.of(required, e.capabilities(), experienced.contains(e.id()), e.coreTechnologies(), text).score());
	}

}
