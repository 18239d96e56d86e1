package dev.scenariohub.enterprise.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Random data and the comparison of an index's best candidates with scoring everything.
 */
final class Ranks {

	/** One candidate and its exact {@link Fit} score. */
	record Scored(String id, double score) {
	}

	static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
		.reversed()
		.thenComparing(Scored::id);

	private Ranks() {
	}

	static List<String> pick(Random random, List<String> from, int n) {
		List<String> copy = new ArrayList<>(from);
		Collections.shuffle(copy, random);
		return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
	}

	/**
	 * Asserts that every candidate the index gave is among those with a fit, and that its
	 * best {@code limit}, scored exactly, score rank by rank as the best of all do
	 * (within {@code tolerance}).
	 * @param all every eligible candidate with a fit, scored exactly
	 * @param candidates what the index gave, scored exactly
	 */
	static void assertBestOf(List<Scored> all, List<Scored> candidates, int limit, double tolerance, String context) {
		List<Scored> expected = all.stream().sorted(BEST_FIRST).toList();
		List<Scored> found = candidates.stream().sorted(BEST_FIRST).limit(limit).toList();
		assertThat(expected.stream().map(Scored::id)).as("every candidate has a fit and is eligible: " + context)
			.containsAll(candidates.stream().map(Scored::id).toList());
		assertThat(found).as(context).hasSize(Math.min(limit, expected.size()));
		for (int i = 0; i < found.size(); i++) {
			assertThat(found.get(i).score()).as("rank %d, %s", i, context)
				.isCloseTo(expected.get(i).score(), within(tolerance));
		}
	}

}
