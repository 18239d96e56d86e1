package dev.scenariohub.enterprise.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.scenariohub.enterprise.text.Words;

/**
 * How well an enterprise fits a scenario, on 0–100, with the reasons a person can check:
 * capability overlap with the required capabilities (60), experience in the scenario's
 * sector (15), and how many of the enterprise's core-technology words the scenario's text
 * uses (25).
 */
public final class Fit {

	static final double CAPABILITIES = 60;

	static final double SECTOR = 15;

	static final double TEXT = 25;

	/** The score and why. */
	public record Result(double score, List<String> reasons) {
	}

	private Fit() {
	}

	public static Result of(List<String> required, List<String> capabilities, boolean sectorExperience,
			List<String> coreTechnologies, String scenarioText) {
		return of(required, capabilities, sectorExperience, coreTechnologies, Words.of(scenarioText));
	}

	/** The same, with the words of the scenario's text already found ({@link Words}). */
	public static Result of(List<String> required, List<String> capabilities, boolean sectorExperience,
			List<String> coreTechnologies, Set<String> scenarioWords) {
		List<String> reasons = new ArrayList<>();
		double score = 0;
		Set<String> requiredSet = new HashSet<>(required == null ? List.of() : required);
		if (!requiredSet.isEmpty()) {
			List<String> matched = requiredSet.stream()
				.filter(c -> capabilities != null && capabilities.contains(c))
				.sorted()
				.toList();
			score += CAPABILITIES * matched.size() / requiredSet.size();
			reasons.add("matches " + matched.size() + " of " + requiredSet.size() + " required capabilities"
					+ (matched.isEmpty() ? "" : ": " + String.join(", ", matched)));
		}
		if (sectorExperience) {
			score += SECTOR;
			reasons.add("has applied in this sector before");
		}
		Set<String> technologyWords = Words.of(coreTechnologies == null ? "" : String.join(" ", coreTechnologies));
		if (!technologyWords.isEmpty()) {
			List<String> shared = technologyWords.stream().filter(scenarioWords::contains).sorted().toList();
			score += TEXT * shared.size() / technologyWords.size();
			if (!shared.isEmpty()) {
				reasons.add("core technologies mentioned in the scenario: " + String.join(", ", shared));
			}
		}
		return new Result(Math.round(score * 10) / 10.0, List.copyOf(reasons));
	}

}
