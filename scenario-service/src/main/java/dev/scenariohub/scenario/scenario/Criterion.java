package dev.scenariohub.scenario.scenario;

import java.util.List;

/**
 * One review criterion of a scenario's rubric.
 *
 * @param key stable key reviewers score against
 * @param weight its share of the total score; the weights of a rubric sum to 100
 * @param anchors optional anchor texts for the score levels 0 to 5 (six entries when
 * given)
 */
public record Criterion(String key, String name, int weight, List<String> anchors) {
}
